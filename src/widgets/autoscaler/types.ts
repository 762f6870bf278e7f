/** What the autoscaler simulation returns: one run per strategy on the same traffic. */

export const STRATEGIES = ['reactive', 'stabilised', 'predictive'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** One strategy's run, minute by minute (arrays of length durationMin) and in total. */
export interface StrategyRun {
  strategy: Strategy;
  /** Replicas ready to serve during each minute. */
  ready: Uint16Array;
  /** Replicas ordered but still starting up, at the end of each minute. */
  pending: Uint16Array;
  /** True utilisation, demand ÷ capacity of the ready replicas (can exceed 1: work turned away). */
  utilisation: Float32Array;
  /** Minutes in which demand exceeded what the ready replicas could serve. */
  overloadedMinutes: number;
  /** Requests that could not be served, over the run. */
  unserved: number;
  /** Share of all requests that could not be served. */
  unservedShare: number;
  /** Highest true utilisation in any minute. */
  peakUtilisation: number;
  /** Sum over minutes of ready replicas: the cost. */
  replicaMinutes: number;
  /** Minutes in which the autoscaler changed its desired count, and changes of direction. */
  actions: number;
  reversals: number;
}

export interface AutoscalerResult {
  /** Requests a second in each minute (the same for every strategy). */
  load: Float64Array;
  /** Replicas the load needs at the target utilisation, ceil(load ÷ (capacity × target)), per minute. */
  needed: Uint16Array;
  /** In the order of STRATEGIES. */
  runs: StrategyRun[];
  theory: {
    /** Growth of the traffic per minute during the ramp (0 when it is flat). */
    growthPerMinute: number;
    /**
     * Minutes from a measurement to the capacity it orders serving: the start-up delay plus the
     * one minute until the autoscaler's next decision.
     */
    lagMinutes: number;
    /** Utilisation a reactive scaler runs at during a long exponential ramp: target × (1 + g)^lag (above 1: overloaded). */
    rampUtilisation: number;
    /**
     * The fastest growth per minute a reactive scaler can follow once its metric reads 100 %:
     * it can multiply replicas by at most 1/target per lag, so (1/target)^(1/lag) − 1.
     */
    followableGrowth: number;
    /** Replicas the peak needs at the target: ceil(peak ÷ (capacity × target)), within [min, max]. */
    peakReplicas: number;
    /** Minutes where the reactive run should have settled on the ramp (from a lag after its start to its end); null if the ramp is too short. */
    rampWindow: { from: number; to: number } | null;
    /** The reactive run's mean true utilisation over rampWindow (noise included). */
    measuredRampUtilisation: number | null;
  };
}
