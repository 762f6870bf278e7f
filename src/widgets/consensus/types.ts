/** What the consensus lab returns: one scripted run under both schemes, and the placements compared. */

export const SCHEMES = ['naive', 'quorum'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** A node's role at the end of a step. Naive: leader = primary, follower = standby. */
export const ROLES = ['down', 'follower', 'candidate', 'leader'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_CODE = { down: 0, follower: 1, candidate: 2, leader: 3 } as const;

/** One leader's time in office: Raft's term (naive: the n-th promotion), who, and when. */
export interface Reign {
  term: number;
  leader: number;
  /** Step it became leader (0 for the first leader, which starts the run). */
  from: number;
  /** Last step it acted as leader. */
  to: number;
  /** Writes it acknowledged. */
  acked: number;
}

/** A stretch of steps with the same network and the same nodes up: its sides and their writes. */
export interface Period {
  from: number;
  /** Last step, inclusive. */
  to: number;
  /** Groups of up nodes that can reach each other (node indices). */
  sides: number[][];
  /** Writes acknowledged on each side, per scheme, in the order of `sides`. */
  acked: Record<Scheme, number[]>;
}

export interface SchemeRun {
  scheme: Scheme;
  /** Role codes (ROLE_CODE), step-major: roles[t · n + i]. */
  roles: Uint8Array;
  /** Term each node holds at the end of each step (naive: the promotion its primary comes from). */
  terms: Uint16Array;
  /** Per step: writes offered (one per side with a node up), acknowledged, and lost so far. */
  offered: Uint8Array;
  acked: Uint8Array;
  lostSoFar: Uint16Array;
  /** Nodes acting as leader at the end of each step. */
  leaders: Uint8Array;
  reigns: Reign[];
  totals: {
    offered: number;
    acked: number;
    /** Offered but never acknowledged: no leader on that side, or no majority behind it. */
    refused: number;
    /** Acknowledged while another side also acknowledged writes in the same step: two histories. */
    conflicting: number;
    /** Acknowledged, then held by no node at all: gone. */
    lost: number;
    /** Steps in which two or more sides acknowledged writes. */
    splitBrainSteps: number;
    /** Most nodes acting as leader at once. */
    maxLeaders: number;
    /** Elections won (quorum) or promotions (naive) after the first leader. */
    elections: number;
    /** Highest term reached (naive: promotions + 1). */
    maxTerm: number;
  };
}

/** The same zone loss, repeated over seeds, for one placement of the cluster's nodes. */
export interface PlacementRow {
  layout: number[];
  /** The zone lost: the one with the most nodes (the first such), from 0. */
  zone: number;
  remaining: number;
  majority: number;
  keepsQuorum: boolean;
  /** Long-run availability from `quorumAcrossDomains` at the stated zone and node figures. */
  availability: { availability: number; unavailability: number };
  /** Theory for the share of writes acknowledged during the loss, under the quorum rule. */
  theoryDuringLoss: number | null;
  /** Measured share of writes acknowledged during the loss, mean over replications, with a 95 % interval. */
  measured: Record<Scheme, { mean: number; low: number; high: number; lost: number }>;
  /** Whether this row is the run's own placement. */
  current: boolean;
}

export interface ConsensusResult {
  n: number;
  steps: number;
  zones: number[];
  /** The script that ran (the random one, drawn from the seed, in random mode), one event a line. */
  script: string[];
  runs: Record<Scheme, SchemeRun>;
  periods: Period[];
  placements: PlacementRow[];
  /** Replications behind each placement row, and the loss window they share. */
  replications: number;
  lossFrom: number;
  lossTo: number;
  /** Zone and node availability the placement table assumes (the lesson's). */
  zoneUp: number;
  nodeUp: number;
}
