/** What one read cost; the bench and index tests assert on `scanned` to prove SQLite narrowed the scan. */
export interface QueryCost {
  action: string;
  collection: string;
  scanned: number;
  matched: number;
  /** Documents sent back to the caller (reads only). */
  returned: number;
  usedIndexes: string[];
}

/** Counters the way production bills and throttles: one admin database action is one round trip. */
export class DatabaseStats {
  roundTrips = 0;
  documentsScanned = 0;
  documentsReturned = 0;
  byAction: Record<string, number> = {};
  lastQuery: QueryCost | null = null;

  countRoundTrip(action: string): void {
    this.roundTrips += 1;
    this.byAction[action] = (this.byAction[action] ?? 0) + 1;
  }

  recordScan(cost: Omit<QueryCost, 'returned'>): void {
    this.documentsScanned += cost.scanned;
    this.lastQuery = { ...cost, returned: 0 };
  }

  recordReturned(count: number): void {
    this.documentsReturned += count;
    if (this.lastQuery) this.lastQuery.returned = count;
  }

  reset(): void {
    this.roundTrips = 0;
    this.documentsScanned = 0;
    this.documentsReturned = 0;
    this.byAction = {};
    this.lastQuery = null;
  }

  snapshot(): Record<string, unknown> {
    return {
      roundTrips: this.roundTrips,
      documentsScanned: this.documentsScanned,
      documentsReturned: this.documentsReturned,
      byAction: { ...this.byAction },
      lastQuery: this.lastQuery,
    };
  }
}
