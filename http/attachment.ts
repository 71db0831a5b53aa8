// A file the API and the web UI hand over alike (a cycle's results, a predikat recap): the headers that
// make a browser save it under its own name.
export function attachmentHeaders(file: { contentType: string; fileName: string }): Record<string, string> {
  return {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.fileName}"`,
  };
}
