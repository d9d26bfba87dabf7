/** What a saved view keeps of a list's URL: its query string without the mock's own settings (`mock.*`). */
export function viewSearch(search: string): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith('mock.')) params.delete(key);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether two query strings say the same, whatever their order of parameters and the mock's settings. */
export function sameSearch(a: string, b: string): boolean {
  const sorted = (search: string) => {
    const params = new URLSearchParams(viewSearch(search));
    params.sort();
    return params.toString();
  };
  return sorted(a) === sorted(b);
}
