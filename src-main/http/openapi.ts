import { z } from 'zod';
import { contract, errorCodes, methodNames } from '../contract';

const errorReply = {
  type: 'object',
  required: ['ok', 'error'],
  properties: {
    ok: { const: false },
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { enum: [...errorCodes] },
        message: { type: 'string', description: 'Pesan dalam Bahasa Indonesia' },
        fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/** OpenAPI 3.1 generated from the contract's zod schemas: every method, its input and its output. */
export function buildOpenApi(version: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    '/api/health': {
      get: {
        summary: 'Status host',
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: jsonSchema(contract['system.health'].output, 'output') } } },
        },
      },
    },
    '/api/events': {
      get: {
        summary: 'Aliran peristiwa (Server-Sent Events); kirim Last-Event-ID untuk melanjutkan',
        responses: { 200: { description: 'text/event-stream', content: { 'text/event-stream': {} } } },
      },
    },
  };
  for (const name of methodNames) {
    const spec = contract[name];
    paths[`/api/${name}`] = {
      post: {
        operationId: name,
        summary: spec.summary,
        'x-loket-guard': spec.guard,
        security: spec.guard === 'public' ? [] : [{ bearer: [] }],
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.input, 'input') } } },
        responses: {
          200: {
            description: 'Berhasil',
            content: {
              'application/json': {
                schema: { type: 'object', required: ['ok', 'value'], properties: { ok: { const: true }, value: jsonSchema(spec.output, 'output') } },
              },
            },
          },
          default: { description: 'Ditolak atau gagal', content: { 'application/json': { schema: errorReply } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Loket API', version, description: 'Satu kontrak untuk IPC dan HTTP. Semua pesan dalam Bahasa Indonesia.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
