// The command center: the run replayed as the fleet overview of seed 003 — who is working, idle,
// throttled, blocked or away, the backlog by priority, the day's spend against its budget, the alerts and a
// live feed — at any moment chosen with the slider or by playing the run. One self-contained page,
// beside report.html; no network.

import type { Reports } from '../../collect/index.ts';
import { embedded, scriptCalling } from '../embed.ts';
import { esc } from '../svg.ts';
import { type CommandCenterData, runCommandCenter } from './replay.ts';

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;background:#f6f7f9}
h1{font-size:1.3em;margin:0 0 .6em}.bar{display:flex;gap:1em;align-items:center;margin-bottom:1em}
#moment{flex:1}#clock{font-variant-numeric:tabular-nums;min-width:22em}
.panels{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin-bottom:12px}
.panel{background:#fff;border:1px solid #dde;border-radius:6px;padding:10px}
.panel h2{font-size:.95em;margin:0 0 .4em;color:#555}.big{font-size:1.6em;font-weight:600}
.status{display:grid;grid-template-columns:repeat(4,1fr);text-align:center}
.status small,.queue small{display:block;color:#666}
.queue{display:grid;grid-template-columns:repeat(4,1fr);text-align:center}
.meter{height:8px;background:#eee;border-radius:4px;margin-top:6px}#cost-bar{height:8px;background:#4f7cac;border-radius:4px}
.wide{display:grid;grid-template-columns:2fr 1fr;gap:12px}
#agents{display:flex;flex-wrap:wrap;gap:2px 18px}.group{display:flex;align-items:center;flex-wrap:wrap}
.group-name{color:#555;font-size:.85em;margin-right:4px}
.agent{width:14px;height:14px;margin:1px;border:1px solid #fff;border-radius:3px;padding:0;cursor:pointer;vertical-align:middle}
.agent[data-status=working]{background:#59a14f}.agent[data-status=idle]{background:#cfd8dc}
.agent[data-status=blocked]{background:#e15759}.agent[data-status=away]{background:#9e9e9e}
.agent[data-status=throttled]{background:#f28e2b}
.agent.selected{outline:2px solid #1f3a93}ul{margin:0;padding-left:1.2em;max-height:22em;overflow:auto}
.key span{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px}`;

/** The command center page of a run. */
export function commandCenterPage(r: Reports): string {
  const s = r.summary;
  const { times, tasks, schedule, budget } = r.overTime;
  const data: CommandCenterData = {
    overTime: {
      times,
      tasks,
      schedule: { people: schedule.people, kinds: schedule.kinds, slices: schedule.slices },
      budget: { alerts: budget.alerts },
    },
    replay: r.replay,
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>orgsim command center · ${esc(s.scenario)} · seed ${s.seed}</title>
<style>${STYLE}</style>
</head><body>
<h1>Command center · ${esc(s.scenario)} · seed ${s.seed} · ${esc(s.strategy)}</h1>
<div class="bar"><button id="play">Play</button><input id="moment" type="range" min="0" value="0" step="1" aria-label="moment of the run"><span id="clock"></span></div>
<div class="panels">
<div class="panel"><h2>Fleet</h2><div class="status">
<div><span class="big" id="count-working"></span><small>working</small></div>
<div><span class="big" id="count-idle"></span><small>idle</small></div>
<div><span class="big" id="count-throttled"></span><small>throttled</small></div>
<div><span class="big" id="count-blocked"></span><small>blocked</small></div>
<div><span class="big" id="count-away"></span><small>away</small></div></div></div>
<div class="panel"><h2>Backlog by priority</h2><div class="queue">
<div><span class="big" id="queue-p0"></span><small>P0</small></div>
<div><span class="big" id="queue-p1"></span><small>P1</small></div>
<div><span class="big" id="queue-p2"></span><small>P2</small></div>
<div><span class="big" id="queue-p3"></span><small>P3</small></div></div></div>
<div class="panel"><h2>Cost today</h2><span class="big" id="cost-today"></span> <span id="cost-budget"></span><div class="meter"><div id="cost-bar"></div></div></div>
<div class="panel"><h2>Alerts (<span id="alert-count"></span>)</h2><ul id="alerts"></ul></div>
</div>
<div class="wide">
<div class="panel"><h2>Agents</h2><p class="key"><span style="background:#59a14f"></span>working<span style="background:#cfd8dc"></span>idle<span style="background:#f28e2b"></span>throttled (waiting on a rate limit)<span style="background:#e15759"></span>blocked<span style="background:#9e9e9e"></span>away (out, off hours, not yet hired)</p><div id="agents"></div>
<h2 style="margin-top:1em">Selected</h2><div id="agent"></div></div>
<div class="panel"><h2>Live feed (the last 24 hours)</h2><ul id="feed"></ul></div>
</div>
<script type="application/json" id="replay">${embedded(data)}</script>
${scriptCalling(runCommandCenter, 'replay')}
</body></html>
`;
}
