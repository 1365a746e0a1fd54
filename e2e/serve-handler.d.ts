declare module 'serve-handler' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  export default function handler(req: IncomingMessage, res: ServerResponse, options?: Record<string, unknown>): Promise<void>;
}
