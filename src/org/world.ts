// The state of one run: the kernel, the event log, the random source, every person's actor and
// every task's actor, with who is in the org (roster.ts), the messages between them (messages.ts)
// and where the instructions stand (workload.ts). The flow, escalation and ritual modules act on
// it; nothing outside src/org/ touches it.

import type { DeskContext, DeskEmitted } from '../../machines/desk.ts';
import { dlMachine } from '../../machines/dl.machine.ts';
import { emMachine } from '../../machines/em.machine.ts';
import { humanMachine } from '../../machines/human.machine.ts';
import { icMachine } from '../../machines/ic.machine.ts';
import { tlMachine } from '../../machines/tl.machine.ts';
import {
  type AssignmentStrategy,
  createStrategy,
  type StrategyContext,
} from '../domain/assignment/index.ts';
import type { Calendar } from '../domain/calendar.ts';
import type { BlockerType } from '../domain/escalation.ts';
import type { Gate } from '../domain/gates.ts';
import type { Domain, IcSpec, PersonSpec, Role } from '../domain/org.ts';
import type { Plan, TacticalTask } from '../domain/planning/plan.ts';
import type { RampUp } from '../domain/ramp-up.ts';
import type { TaskEvent, TaskReport } from '../domain/task-events.ts';
import { startMachine } from '../engine/engine.ts';
import { Kernel, Priority, type Scheduled, SimulationError } from '../kernel/kernel.ts';
import { RandomSource, type RandomStream } from '../kernel/random.ts';
import { formatTime, type Hours } from '../kernel/time.ts';
import { EventLog } from '../log/event-log.ts';
import type { OrgRecord } from '../log/records.ts';
import type { InstructionSpec, SimConfig } from '../scenario/config.ts';
import { Backlogs } from './backlogs.ts';
import { CapacityLedger } from './capacity-ledger.ts';
import { DailyRituals } from './dailies.ts';
import { EscalationBook } from './escalation-book.ts';
import type { GitFlow } from './git.ts';
import { HeldChanges } from './held-changes.ts';
import { Messages } from './messages.ts';
import { Progress } from './progress.ts';
import { Roster } from './roster.ts';
import type { TaskActor } from './task-actor.ts';
import { Workload } from './workload.ts';

const MACHINES = {
  EM: emMachine,
  TL: tlMachine,
  DL: dlMachine,
  IC: icMachine,
  human: humanMachine,
} as const;

/** What the org needs of a role's actor, whichever engine runs it. */
export interface RoleActor {
  send(event: never): void;
  getSnapshot(): { context: unknown };
}

/** A message to a role: its type names what it is, `at` when it arrives. */
export interface RoleEvent {
  readonly type: string;
  readonly at: Hours;
  readonly channel?: string;
  readonly kind?: string;
  readonly workHours?: Hours;
  readonly task?: string;
  readonly instruction?: string;
  readonly ref?: string;
  readonly priority?: number;
  readonly upTo?: number;
  /** `work.drop` of one activity, by its id. */
  readonly activity?: string;
  /** `work.rescale`: the factor on the work left. */
  readonly factor?: number;
  /** `calendar.set`: the working hours from now. */
  readonly calendar?: Calendar;
}

/** How the org reacts to what happens to a task (src/org/escalations.ts, src/org/reviews.ts). */
export interface TaskReactions {
  /** A report of the task's lifecycle: a transition, a gate's outcome, an SLA breach. */
  reported(task: TaskState, report: TaskReport): void;
  /** The blocker drawn for the task struck while it was being worked on. */
  blocked(task: TaskState): void;
  /** The task ended: completed, or cancelled. */
  ended(task: TaskState): void;
}

const unset = (): never => {
  throw new SimulationError('The org was started without its task reactions (see src/org/run.ts).');
};
const UNSET_REACTIONS: TaskReactions = { reported: unset, blocked: unset, ended: unset };

export interface Person {
  readonly spec: PersonSpec;
  readonly role: Role;
  readonly team: string;
  readonly domain: Domain | undefined;
  readonly actor: RoleActor;
  /** ICs: the tasks this person holds (ASSIGNED through review), against their WIP limit. */
  readonly held: Set<string>;
  /** Strategic tasks and instructions this person has worked on (for continuity and affinity). */
  readonly familiar: Set<string>;
  /** Tasks this person finished executing, with when (for standups). */
  readonly finished: Map<string, Hours>;
  /** A borrowed IC works for another domain's (or team's) backlog until `until`. */
  borrowed: { team: string; domain: Domain; until: Hours } | null;
  away: boolean;
  /**
   * While a lead, the EM or a human is out: who covers for them (their new work goes there).
   * Never set for an IC, whose tasks stay theirs (src/org/outages.ts).
   */
  cover: Person | null;
  /** A new hire's ramp-up to full productivity; null for everyone productive at once. */
  readonly rampUp: RampUp | null;
}

export interface InstructionState {
  readonly spec: InstructionSpec;
  readonly team: string;
  plan: Plan | null;
  /** Who consumes each task's output, and each task's remaining path, once the plan is known. */
  consumers: Map<string, TacticalTask[]>;
  paths: Map<string, Hours>;
  readonly tasks: TaskState[];
  open: number;
  done: boolean;
}

export interface TaskState {
  /** The task as planned; a requirement change may rescale its estimate. */
  plan: TacticalTask;
  readonly instruction: InstructionState;
  readonly team: string;
  /** Its instruction's, unless an event rule escalated it (src/org/rules.ts). */
  priority: number;
  readonly actor: TaskActor;
  readonly random: RandomStream;
  /** Working hours of execution left (the drawn effort, then rework). */
  effortLeft: Hours;
  /** The drawn effort at full skill (a requirement change may rescale it). */
  effort: Hours;
  assignee: string | null;
  /** Order of arrival in the backlog. */
  arrival: number;
  /** Working hours into the execution at which a blocker strikes, if one will. */
  blocker: { type: BlockerType; atHours: Hours } | null;
  workedHours: Hours;
  blockerTimer: Scheduled | null;
  /** When the task last stopped on a blocker, while it stands. */
  blockedAt: Hours | null;
  /** When the task last joined its domain's backlog. */
  waitingSince: Hours;
  /** Given back to the backlog by preemption: served first within its priority. */
  requeued: boolean;
  /** Only an agent on this model may take it (a cap's retry on another model); null: anyone. */
  onModel: string | null;
  /** Hours its next holder first spends catching up on the work (a retry on another model). */
  catchUpHours: Hours;
  /** The gate whose review has been requested and not yet answered, and who has it. */
  reviewing: import('../domain/gates.ts').Gate | null;
  reviewer: string | null;
  /** Domains that still have to accept the handoff; NO_HANDOFFS until they are offered. */
  handoffsPending: Set<Domain>;
  handoffsOffered: boolean;
  deferredUntil: Hours;
  remainingPathHours: Hours;
  terminal: boolean;
}

export class World {
  readonly kernel = new Kernel();
  readonly log = new EventLog();
  readonly random: RandomSource;
  readonly strategy: AssignmentStrategy;
  /** What a strategy may use besides its arguments: the clock, and its own seeded stream. */
  readonly strategyContext: StrategyContext;
  /** Who is in the org, by id, role, team and domain. */
  readonly roster: Roster;
  readonly tasks = new Map<string, TaskState>();
  readonly instructions = new Map<string, InstructionState>();
  /** Where the instructions stand: expected, received, in intake, open per team and priority. */
  readonly workload = new Workload();
  /** Requirement changes that came before their instruction's plan: applied once it is out. */
  readonly heldChanges = new HeldChanges();
  /** Every escalation opened, and each task's open ones. */
  readonly escalations = new EscalationBook();
  /** Overtime approved, and when capacity was last asked for. */
  readonly capacity = new CapacityLedger();
  /** Strategic tasks their Domain Lead has broken down, and tasks that are finished. */
  readonly progress = new Progress();
  /** Per team and domain: tasks ready and waiting for an IC. */
  readonly backlogs = new Backlogs();
  /** Messages between people: delivered, logged, counted by protocol. */
  readonly messages: Messages;
  /** USD spent on finished slices of work (the budget adds the slices under way). */
  spentUsd = 0;
  /** When someone last finished a piece of real work (not a ritual): stalls are detected from it. */
  lastProgress = 0;
  /** The daily rituals: they run while work is in flight, and cost nothing while the org is idle. */
  readonly rituals = new DailyRituals(this.kernel, () => this.workload.inFlight());
  arrivals = 0;
  /** Desks held on a spent budget run only work of this priority or more urgent; null: no hold. */
  private holdLevel: number | null = null;
  /** Git coordination, when the scenario models it (src/org/git.ts); null: it does not. */
  git: GitFlow | null = null;
  /** Set by run.ts: what to do when a person finishes or stops an activity. */
  onWork: (event: DeskEmitted) => void = () => {};
  /**
   * Set by run.ts: how the org reacts to a task's own events. The flow that creates tasks calls
   * these, so it need not import the escalation and review modules, which call into the flow.
   */
  reactions: TaskReactions = UNSET_REACTIONS;
  /** Set by the budget, if any: why the EM refuses an instruction now (null: takes it). */
  intakeRefusal: () => string | null = () => null;
  /**
   * Set when approvals are required: whether a finished instruction may complete now (false: it
   * waits for its approvals, which complete it later), and what an approval on someone's desk
   * decides once worked (`ref`: the activity's).
   */
  mayComplete: (instruction: InstructionState) => boolean = () => true;
  approved: (instruction: string, ref: string, by: string) => void = () => {};
  /**
   * Set when workflows have gates: an instruction's plan was published, and a task of it (or a
   * gate) finished; the gates whose inputs are all finished then ask their humans.
   */
  published: (instruction: InstructionState) => void = () => {};
  /**
   * Set when the scenario has agent pools: a backlog of `team`'s `domain` was just served (the
   * pool grows or shrinks toward its load), and whether `person` may take work of `priority`
   * (a pool's P0 reserve).
   */
  poolCheck: (team: string, domain: Domain) => void = () => {};
  mayTake: (person: Person, priority: number) => boolean = () => true;
  /** Set by event rules that assign: the team an instruction goes to at intake, if one was named. */
  routeOf: (instruction: string) => string | undefined = () => undefined;
  finished: (instruction: InstructionState, id: string) => void = () => {};
  /** Set by the approvals: an instruction closes undone, and what it waits for is withdrawn. */
  abandon: (instruction: string) => void = () => {};
  /** Set when agents can stop early: the rework a rejection of `task` gives, at least `hours`. */
  reworkHours: (task: TaskState, hours: Hours) => Hours = (_task, hours) => hours;
  /**
   * Set when agents' reviews can err: the outcome of a review of `task` at `gate` by `by`, given
   * what the gate found (`rejected`). Unset, a review says what the gate found.
   */
  verify: (task: TaskState, gate: Gate, by: string, rejected: boolean) => boolean = (
    _task,
    _gate,
    _by,
    rejected,
  ) => rejected;

  constructor(
    readonly config: SimConfig,
    /** Per instruction, the teams staffed for every domain of its plan. */
    private readonly capable: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {
    this.random = new RandomSource(config.seed);
    this.roster = new Roster(() => this.kernel.now, config.unstaffedWork);
    this.messages = new Messages(this.kernel, this.roster, (r) => this.record(r));
    this.strategy = createStrategy(config.strategy);
    const kernel = this.kernel;
    const draws = this.random.stream('strategy');
    this.strategyContext = {
      get now() {
        return kernel.now;
      },
      random: () => draws.float(),
    };
  }

  get now(): Hours {
    return this.kernel.now;
  }

  /**
   * Work arrives: an org that was idle holds its rituals again from their next hour, and counts a
   * stall from now (idle days are not days without progress).
   */
  wake(): void {
    if (!this.workload.inFlight()) this.lastProgress = Math.max(this.lastProgress, this.now);
    this.rituals.wake();
  }

  /** The teams that may take an instruction: those staffed for its plan (all, if not known). */
  teamsFor(instruction: string): readonly string[] {
    return this.capable.get(instruction) ?? this.roster.teams();
  }

  /**
   * Called when an instruction finishes: with nothing left in flight the rituals stop, and the
   * kernel goes straight to whatever comes next (the next instruction, or the end of the run).
   */
  settle(): void {
    if (!this.workload.inFlight()) this.rituals.sleep();
  }

  record(record: OrgRecord): void {
    this.log.appendAt(this.kernel.now, record);
  }

  addPerson(spec: PersonSpec, rampUp: RampUp | null = null): Person {
    const machine = MACHINES[spec.role];
    const input = { id: spec.id, role: spec.role, calendar: spec.calendar };
    const onWork = (event: unknown) => {
      // XState would rethrow a listener's error later on a real timer; fail the run now instead.
      try {
        this.onWork(event as DeskEmitted);
      } catch (error) {
        this.kernel.fail(error);
      }
    };
    const failed = (error: unknown) =>
      this.kernel.fail(
        new SimulationError(`${spec.id} failed at t=${formatTime(this.now)}: ${String(error)}`, {
          cause: error,
        }),
      );
    const actor = startMachine(machine, this.kernel, input, {
      engine: this.config.engine,
      onEmit: onWork,
      onFailure: failed,
    }) as RoleActor;
    const person: Person = {
      spec,
      role: spec.role,
      team: spec.team,
      domain: 'domain' in spec ? (spec as IcSpec).domain : undefined,
      actor,
      held: new Set(),
      familiar: new Set(),
      finished: new Map(),
      borrowed: null,
      away: false,
      cover: null,
      rampUp,
    };
    this.roster.add(person);
    if (this.holdLevel !== null)
      this.messages.deliver(person, { type: 'budget.hold', upTo: this.holdLevel });
    return person;
  }

  /** The priority desks are held to (a spent budget), or null when they are not held. */
  get held(): number | null {
    return this.holdLevel;
  }

  /**
   * Holds every desk to work for a task or instruction of priority `upTo` or more urgent (0: P0
   * only; −1: nothing): other work stops now and waits. `null` releases the hold.
   */
  holdDesks(upTo: number | null): void {
    if (upTo === this.holdLevel) return;
    this.holdLevel = upTo;
    for (const p of this.roster.people.values())
      this.messages.deliver(
        p,
        upTo === null ? { type: 'budget.release' } : { type: 'budget.hold', upTo },
      );
  }

  task(id: string): TaskState {
    const t = this.tasks.get(id);
    if (t === undefined) throw new SimulationError(`No task "${id}".`);
    return t;
  }

  /** The calendar a person works on now: their own, or an overtime the EM approved. */
  calendarOf(person: Person): Calendar {
    return (person.actor.getSnapshot().context as DeskContext).calendar;
  }

  /**
   * Sends a lifecycle event to a task, refusing loudly an event its machine would ignore: the org
   * asking a task for a transition it does not have is a bug, never something to pass over.
   */
  drive(task: TaskState, event: TaskEvent): void {
    const snapshot = task.actor.getSnapshot();
    if (!snapshot.can(event)) {
      throw new SimulationError(
        `Task ${task.plan.id} in ${String(snapshot.value)} cannot take ${JSON.stringify(event)} at t=${formatTime(this.now)}.`,
      );
    }
    task.actor.send(event);
  }

  /** A timer on the kernel at the current instant + `delay`. */
  after(delay: Hours, fire: () => void): Scheduled {
    return this.kernel.schedule(delay, fire, Priority.event);
  }
}
