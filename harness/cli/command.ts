/** What every `lro-conformance <command>` module exports; dispatch.ts loads them lazily. */
export interface CommandModule {
  /** The full usage text, printed by `<command> --help`, `help <command>`. */
  readonly usage: string;
  /** Runs the command with the arguments after its name; resolves to the process exit code. */
  main(args: readonly string[]): Promise<number>;
}

/** One line of `lro-conformance --help`, and how to load the command. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<CommandModule>;
}
