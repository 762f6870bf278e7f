/** Accessible names of the widgets' regions; tiny, so the lesson page can show them before a view loads. */
export const widgetTitles = {
  'circuit-breaker': 'Circuit breaker simulator',
} as const satisfies Record<string, string>;
