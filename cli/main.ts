// The `siklus` command (bin/siklus.mjs runs this file with tsx): one module per subcommand, loaded when
// used, each returning its exit code (0 done, 1 the check found something, 2 bad arguments or
// environment).
const commands: Record<string, (argv: string[]) => Promise<number>> = {
  audit: async (argv) => (await import('./audit.ts')).auditCommand(argv),
  documents: async (argv) => (await import('./documents.ts')).documentsCommand(argv),
  export: async (argv) => (await import('./export.ts')).exportCommand(argv),
  rules: async (argv) => (await import('./rules.ts')).rulesCommand(argv),
  token: async (argv) => (await import('./token.ts')).tokenCommand(argv),
};

const [name, ...argv] = process.argv.slice(2);
const command = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
if (!command) {
  console.error(`usage: siklus <${Object.keys(commands).join('|')}> ...`);
  process.exit(2);
}
// Exit explicitly: a Temporal connection or a pool would otherwise keep the process alive.
process.exit(await command(argv));
