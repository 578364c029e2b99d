// A problem with what the user typed or pointed orgsim at: a flag, a path, an output folder.
// It ends the command with exit code 2 and its message, one line per problem, no stack trace.

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
