/**
 * Resolves `"env:NAME"` indirections in adapter options so secrets never sit inline in config.
 * A reference to a missing variable is an error naming the variable.
 */
export function resolveEnvRefs(value: unknown, env: NodeJS.ProcessEnv, path = ''): unknown {
  if (typeof value === 'string' && value.startsWith('env:')) {
    const name = value.slice(4);
    const v = env[name];
    if (v === undefined || v === '') throw new Error(`${path || 'option'} refers to environment variable ${name}, which is not set`);
    return v;
  }
  if (Array.isArray(value)) return value.map((v, i) => resolveEnvRefs(v, env, `${path}/${i}`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveEnvRefs(v, env, `${path}/${k}`)]));
  }
  return value;
}
