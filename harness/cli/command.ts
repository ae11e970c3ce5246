/** What every `lro-conformance <command>` module exports; dispatch.ts loads them lazily. */
export interface CommandModule {
  /** Runs the command with the arguments after its name; resolves to the process exit code. */
  main(args: readonly string[]): Promise<number>;
}
