// mapshaper ships no type declarations: the part of its API the bench uses.
declare module 'mapshaper' {
  type Input = Record<string, string | Buffer | object>;
  const mapshaper: {
    /** Runs a command string; files named by -o are returned, keyed by file name. */
    applyCommands(commands: string, input?: Input): Promise<Record<string, string | Buffer>>;
  };
  export default mapshaper;
}
