/** The ceiling: a bare Fastify route, no database, no plugins, on the same machine. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ items: [{ id: 1, name: 'KCC' }] }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
