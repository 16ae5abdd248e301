import { Agent, request } from 'node:http';

export interface GraphQLResult {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface HttpResponse {
  status: number;
  body: string;
  setCookie: string[];
}

/** One POST over a keep-alive agent; resolves when the whole body has arrived. */
export function post(agent: Agent, url: URL, body: Buffer, headers: Record<string, string>): Promise<HttpResponse> {
  return new Promise((resolvePost, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolvePost({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), setCookie: res.headers['set-cookie'] ?? [] }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    // The API answers a stuck request itself after 15 s; this only keeps a dead server from hanging the run.
    req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
    req.end(body);
  });
}

const SIGN_IN = `mutation BenchSignIn($input: SignInInput!) { signIn(input: $input) { id } }`;

/** A signed-in GraphQL client: the session cookie and the CSRF header the API requires. */
export class GraphQLClient {
  readonly url: URL;
  readonly agent: Agent;
  private cookie: string | null = null;

  constructor(baseUrl: string, sockets: number) {
    this.url = new URL('/graphql', baseUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  async signIn(username: string, password: string): Promise<void> {
    const res = await post(this.agent, this.url, this.body(SIGN_IN, { input: { username, password } }), this.headers());
    const cookie = res.setCookie.find((c) => c.startsWith('samarkiv_session='));
    if (res.status !== 200 || !cookie || (JSON.parse(res.body) as GraphQLResult).errors) throw new Error(`sign-in as ${username} failed: ${res.status} ${res.body}`);
    this.cookie = cookie.split(';')[0]!;
  }

  body(query: string, variables: Record<string, unknown> = {}): Buffer {
    return Buffer.from(JSON.stringify({ query, variables }));
  }

  headers(): Record<string, string> {
    return { 'x-samarkiv-csrf': '1', ...(this.cookie ? { cookie: this.cookie } : {}) };
  }

  async gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult> {
    const res = await post(this.agent, this.url, this.body(query, variables), this.headers());
    try {
      return JSON.parse(res.body) as GraphQLResult;
    } catch {
      return { errors: [{ message: `HTTP ${res.status}: ${res.body.slice(0, 200)}` }] };
    }
  }

  close(): void {
    this.agent.destroy();
  }
}
