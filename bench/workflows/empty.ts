// The launch benchmark's baseline: a workflow that does nothing, so starting N of them measures the bare
// cost of `client.workflow.start` plus one workflow task on the same dev server and worker process.
export async function EmptyWorkflow(): Promise<void> {}
