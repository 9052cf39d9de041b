import { Type } from '@sinclair/typebox';

/** RFC 9457 problem document, for the OpenAPI description of error responses. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    field: Type.Optional(Type.String({ description: 'the input field at fault' })),
    instance: Type.Optional(Type.String()),
  },
  { $id: 'Problem', description: 'application/problem+json (RFC 9457)' },
);

export const problemResponses = {
  400: { description: 'bad input; `field` names it', $ref: 'Problem#' },
  404: { description: 'unknown id or name; `field` names it', $ref: 'Problem#' },
};

export const GeoJsonSchema = Type.Object({ type: Type.String() }, { additionalProperties: true, description: 'GeoJSON (RFC 7946), coordinates [lon, lat]' });
