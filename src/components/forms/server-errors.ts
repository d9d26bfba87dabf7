import { get, type FieldErrors, type FieldValues, type Resolver } from 'react-hook-form';

/**
 * Keeps the API's refusals of fields (422) on those fields for as long as
 * their values stay what the API refused. react-hook-form revalidates a field
 * when it loses focus, which would otherwise wipe a message such as "Another
 * product already uses this SKU" that only the server can know.
 */
export function withServerErrors<T extends FieldValues>(resolver: Resolver<T>) {
  const refused = new Map<string, { value: string; message: string }>();

  const wrapped: Resolver<T> = async (values, context, options) => {
    const result = await resolver(values, context, options);
    let errors: FieldErrors<T> | null = null;
    for (const [path, refusal] of refused) {
      if (JSON.stringify(get(values, path)) !== refusal.value) {
        refused.delete(path);
      } else if (!get(result.errors, path)) {
        errors ??= copyErrors(result.errors);
        setPath(errors, path, { type: 'server', message: refusal.message });
      }
    }
    return errors ? { values: {}, errors } : result;
  };

  return {
    resolver: wrapped,
    refuse(path: string, value: unknown, message: string) {
      refused.set(path, { value: JSON.stringify(value), message });
    },
    clear() {
      refused.clear();
    },
  };
}

/**
 * A copy to add to, sharing each error's `ref`: react-hook-form's refs are elements or
 * objects of functions (a Controller's focus), which structuredClone refuses.
 */
function copyErrors<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyErrors) as T;
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key === 'ref' ? v : copyErrors(v)])) as T;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key, i) => {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = /^\d+$/.test(keys[i + 1] ?? '') ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]!] = value;
}
