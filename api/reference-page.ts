// A browsable API reference rendered from the OpenAPI document, with no external scripts (works offline).
export function referencePage(specUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>siklus API reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a}
h2{border-bottom:1px solid #ccc}code{background:#f2f2f2;padding:0 .25rem}.op{margin:1rem 0;padding:.5rem 1rem;border-left:4px solid #0b5cad}
.m{font-weight:700;text-transform:uppercase;margin-right:.5rem}pre{background:#f6f6f6;overflow:auto;padding:.5rem}</style></head>
<body><h1>siklus API</h1><p>Machine-readable: <a href="${specUrl}"><code>${specUrl}</code></a>. Authenticate with <code>Authorization: Bearer &lt;token&gt;</code>.</p>
<main id="ops">Loading…</main>
<script>
fetch(${JSON.stringify(specUrl)}).then(r=>r.json()).then(spec=>{
  const esc=s=>String(s).replace(/[&<>]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]));
  const out=[];
  for(const [path,ops] of Object.entries(spec.paths||{})) for(const [method,op] of Object.entries(ops)){
    const body=op.requestBody?.content?Object.entries(op.requestBody.content).map(([t,c])=>'<p>Body ('+esc(t)+')</p><pre>'+esc(JSON.stringify(c.schema,null,2))+'</pre>').join(''):'';
    const responses=Object.entries(op.responses||{}).map(([s,r])=>'<li><code>'+s+'</code> '+esc(r.description||'')+'</li>').join('');
    out.push('<section class="op"><h2><span class="m">'+method+'</span><code>'+esc(path)+'</code></h2><p>'+esc(op.summary||'')+'</p>'+body+'<ul>'+responses+'</ul></section>');
  }
  document.getElementById('ops').innerHTML=out.join('');
});
</script></body></html>`;
}
