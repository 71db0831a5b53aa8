// The headers with which the API and the web UI hand over a file: its type, and saved under its name.
import { expect, it } from 'vitest';
import { attachmentHeaders } from '../../http/attachment.ts';

it('names the content type and asks for the file to be saved under its own name', () => {
  expect(
    attachmentHeaders({ contentType: 'text/csv; charset=utf-8', fileName: 'siklus-bungo.2027.csv' }),
  ).toEqual({
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="siklus-bungo.2027.csv"',
  });
});
