// A checkpoint endpoint that answers at once: the floor the durable bench measures the engine
// against. Run in the bench's own process (import) or as a process of its own (node this-file),
// where it prints its port on the first line.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startStubCheckpointServer(): Promise<{ server: Server; port: number }> {
  let token = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const reply = req.url?.includes('/checkpoint') ? { CheckpointToken: `t${++token}`, NewExecutionState: { Operations: [] } } : { Operations: [] };
      const text = JSON.stringify(reply);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

if (import.meta.main) {
  const { port } = await startStubCheckpointServer();
  console.log(port);
}
