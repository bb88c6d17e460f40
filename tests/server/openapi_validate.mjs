// A small JSON Schema validator for the subset the OpenAPI 3.1 document of
// capsante uses: $ref (local), allOf, anyOf, oneOf, type (one or several,
// "null" included), enum, const, properties, required, additionalProperties,
// items, minItems, maxItems, minimum, maximum, pattern, maxLength.
// validate() returns a list of "path: message" strings, empty when valid.

function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v; // string, boolean, object
}
function hasType(v, t) {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

export function resolveRef(root, ref) {
  if (!ref.startsWith('#/')) throw new Error(`référence non locale : ${ref}`);
  let node = root;
  for (const part of ref.slice(2).split('/')) {
    node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`référence introuvable : ${ref}`);
  }
  return node;
}

export function validate(schema, value, root, where = '$', errors = []) {
  if (schema === true || schema === undefined) return errors;
  if (schema === false) { errors.push(`${where}: aucune valeur permise`); return errors; }
  if (schema.$ref) validate(resolveRef(root, schema.$ref), value, root, where, errors);
  for (const s of schema.allOf || []) validate(s, value, root, where, errors);
  if (schema.anyOf && !schema.anyOf.some((s) => validate(s, value, root, where, []).length === 0)) {
    errors.push(`${where}: ne correspond à aucun schéma de anyOf`);
  }
  if (schema.oneOf && schema.oneOf.filter((s) => validate(s, value, root, where, []).length === 0).length !== 1) {
    errors.push(`${where}: doit correspondre à exactement un schéma de oneOf`);
  }
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => hasType(value, t))) {
      errors.push(`${where}: type ${typeOf(value)}, attendu ${types.join(' ou ')}`);
      return errors;
    }
  }
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    errors.push(`${where}: ${JSON.stringify(value)} hors de ${JSON.stringify(schema.enum)}`);
  }
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) {
    errors.push(`${where}: ${JSON.stringify(value)} au lieu de ${JSON.stringify(schema.const)}`);
  }
  const t = typeOf(value);
  if (t === 'object') {
    for (const k of schema.required || []) if (!(k in value)) errors.push(`${where}: « ${k} » manque`);
    const props = schema.properties || {};
    for (const [k, v] of Object.entries(value)) {
      if (k in props) validate(props[k], v, root, `${where}.${k}`, errors);
      else if (schema.additionalProperties === false) errors.push(`${where}: propriété non prévue « ${k} »`);
      else if (typeof schema.additionalProperties === 'object') validate(schema.additionalProperties, v, root, `${where}.${k}`, errors);
    }
  }
  if (t === 'array') {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${where}: moins de ${schema.minItems} éléments`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${where}: plus de ${schema.maxItems} éléments`);
    if (schema.items) value.forEach((v, i) => validate(schema.items, v, root, `${where}[${i}]`, errors));
  }
  if (t === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${where}: « ${value} » ne suit pas ${schema.pattern}`);
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) errors.push(`${where}: plus de ${schema.maxLength} caractères`);
  }
  if (t === 'number' || t === 'integer') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${where}: < ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${where}: > ${schema.maximum}`);
  }
  return errors;
}

// Structural checks of the document itself: version, operations with
// responses, every $ref resolvable.
export function checkDocument(doc) {
  const errors = [];
  if (!/^3\.1\./.test(doc.openapi || '')) errors.push(`openapi = ${doc.openapi}, attendu 3.1.x`);
  if (!doc.info?.title || !doc.info?.version) errors.push('info.title et info.version sont requis');
  for (const [p, item] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!op.responses || !Object.keys(op.responses).length) errors.push(`${method.toUpperCase()} ${p} : aucune réponse`);
    }
  }
  const walk = (node, where) => {
    if (node && typeof node === 'object') {
      if (typeof node.$ref === 'string') {
        try { resolveRef(doc, node.$ref); } catch (e) { errors.push(`${where}: ${e.message}`); }
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${where}/${k}`);
    }
  };
  walk(doc, '#');
  return errors;
}

// The schema of the answer `status` of `method path` (a template such as
// /api/v1/aides/{id} is matched).
export function responseSchema(doc, method, path, status) {
  for (const [template, item] of Object.entries(doc.paths)) {
    const re = new RegExp('^' + template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+') + '$');
    if (!re.test(path)) continue;
    const op = item[method.toLowerCase()];
    const res = op?.responses?.[String(status)];
    return res?.content?.['application/json']?.schema ?? null;
  }
  return null;
}
