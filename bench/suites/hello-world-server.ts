/**
 * The server half of the http-hello-world baseline, run as its own process so the load generator
 * does not share its event loop. Listens on 127.0.0.1 at a free port and prints `{"port":N}`.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));

const shutdown = (): void => {
  void app.close().then(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
