/**
 * From subscriptions to customer activity intervals.
 *
 * Without ids every row is its own customer. With ids, a customer's rows are merged into
 * intervals of activity: rows that touch or overlap are one interval (a plan change is not
 * churn). Every interval after a customer's first is a reactivation: the customer came back
 * after a gap.
 */
import { NO_END, type CustomerTable } from './table';

export interface ActivityIntervals {
  startDays: Int32Array;
  endDays: Int32Array;
  /** 1 where the interval is a reactivation, 0 where it is the customer's first. */
  reactivation: Uint8Array;
  /** Start day of the customer's first interval (its cohort), for every interval; without ids, the interval's own start. */
  cohortStartDays: Int32Array;
  /** Distinct customers (ids, or rows without ids). */
  customerCount: number;
  /** The customer (0 to customerCount - 1) of every interval; a customer's intervals are consecutive, earliest first. */
  customerOfInterval: Int32Array;
  /** The customer of every row of the table. */
  customerOfRow: Int32Array;
}

export function activityIntervals(table: Pick<CustomerTable, 'startDays' | 'endDays' | 'ids'>): ActivityIntervals {
  const { startDays, endDays, ids } = table;
  if (!ids) {
    const identity = new Int32Array(startDays.length);
    for (let i = 0; i < identity.length; i++) identity[i] = i;
    return {
      startDays,
      endDays,
      reactivation: new Uint8Array(startDays.length),
      cohortStartDays: startDays,
      customerCount: startDays.length,
      customerOfInterval: identity,
      customerOfRow: identity,
    };
  }

  // Group row indexes by id; a blank id is a customer of its own.
  const groups = new Map<string, number[]>();
  const singles: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id === '') {
      singles.push(i);
      continue;
    }
    const group = groups.get(id);
    if (group) group.push(i);
    else groups.set(id, [i]);
  }

  const outStart: number[] = [];
  const outEnd: number[] = [];
  const outReactivation: number[] = [];
  const outCohortStart: number[] = [];
  const outCustomer: number[] = [];
  const customerOfRow = new Int32Array(startDays.length);
  let customer = 0;
  for (const i of singles) {
    outStart.push(startDays[i]);
    outEnd.push(endDays[i]);
    outReactivation.push(0);
    outCohortStart.push(startDays[i]);
    outCustomer.push(customer);
    customerOfRow[i] = customer++;
  }
  for (const group of groups.values()) {
    for (const i of group) customerOfRow[i] = customer;
    if (group.length > 1) group.sort((a, b) => startDays[a] - startDays[b] || endDays[a] - endDays[b]);
    let start = startDays[group[0]];
    let end = endDays[group[0]];
    let isReturn = 0;
    const cohortStart = start;
    for (let k = 1; k < group.length; k++) {
      const nextStart = startDays[group[k]];
      const nextEnd = endDays[group[k]];
      if (nextStart <= end) {
        // Touching or overlapping: the same stretch of activity.
        if (nextEnd > end) end = nextEnd;
        continue;
      }
      outStart.push(start);
      outEnd.push(end);
      outReactivation.push(isReturn);
      outCohortStart.push(cohortStart);
      outCustomer.push(customer);
      start = nextStart;
      end = nextEnd;
      isReturn = 1;
    }
    outStart.push(start);
    outEnd.push(end);
    outReactivation.push(isReturn);
    outCohortStart.push(cohortStart);
    outCustomer.push(customer++);
  }

  return {
    startDays: Int32Array.from(outStart),
    endDays: Int32Array.from(outEnd),
    reactivation: Uint8Array.from(outReactivation),
    cohortStartDays: Int32Array.from(outCohortStart),
    customerCount: singles.length + groups.size,
    customerOfInterval: Int32Array.from(outCustomer),
    customerOfRow,
  };
}

export { NO_END };
