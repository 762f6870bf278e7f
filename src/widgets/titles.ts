/** Accessible names of the widgets' regions; tiny, so the lesson page can show them before a view loads. */
export const widgetTitles = {
  'circuit-breaker': 'Circuit breaker simulator',
  queue: 'Queue calculator',
  bloom: 'Bloom filter lab',
  birthday: 'Birthday bound calculator',
  sketches: 'Count-min and HyperLogLog lab',
  'alert-fatigue': 'Alert fatigue simulator',
  'retry-storm': 'Retry storm simulator',
  autoscaler: 'Autoscaler simulator',
  saga: 'Saga orchestrator',
  consensus: 'Split brain and quorum lab',
  cascade: 'Cascade and metastability lab',
  'kill-switch': 'Kill switch drill',
} as const satisfies Record<string, string>;
