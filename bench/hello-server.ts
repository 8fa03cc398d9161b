/**
 * The baselines: a bare Fastify "hello" route, the framework's own ceiling on this machine, and a POST route that
 * parses a small JSON body and answers a constant body as large as a policy-match answer (~49 KB): the ceiling for
 * moving that many bytes per request, before any work of ours.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
const large = Buffer.from(JSON.stringify({ results: Array.from({ length: 34 }, (_, i) => ({ rule: `rule-${i}`, text: 'x'.repeat(1400) })) }));
app.post('/large', async (_request, reply) => reply.type('application/json; charset=utf-8').send(large));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
