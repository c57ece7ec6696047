/**
 * Outbound campaign workload (SPEC 5.3), agent-seconds:
 * `attempts × dialTimeSec + contacts × ahtSec`.
 *
 * `attempts` defaults to `contacts / contactRate` when only a contact rate is
 * known. Dial time is everything an attempt costs an agent that does not reach
 * a right party (dialling, ringing, voicemail, wrap of a failed attempt).
 *
 * @param contacts - right-party contacts to reach (≥ 0)
 * @param ahtSec - handle time of a right-party contact, seconds (≥ 0)
 * @param attempts - dial attempts (≥ 0); if absent, contacts / contactRate
 * @param contactRate - right-party contacts per attempt (0, 1]; used when attempts is absent
 * @param dialTimeSec - agent seconds per attempt (≥ 0)
 * @returns workload, agent-seconds
 * @throws RangeError when neither attempts nor a contact rate is given while dial time is, or a value is out of range
 * @example
 * // DOMAIN: 1,000 right-party contacts at 35 % → 2,857 dials at 25 dials per agent-hour (144 s each, talk included)
 * outboundWorkloadSec({ contacts: 1000, ahtSec: 0, contactRate: 0.35, dialTimeSec: 144 }); // 411,428.6 s = 114.3 h
 */
export function outboundWorkloadSec(campaign: {
  contacts: number;
  ahtSec: number;
  attempts?: number | undefined;
  contactRate?: number | undefined;
  dialTimeSec?: number | undefined;
}): number {
  const { contacts, ahtSec } = campaign;
  const dial = campaign.dialTimeSec ?? 0;
  if (!(contacts >= 0)) throw new RangeError(`outboundWorkloadSec needs contacts >= 0, got ${contacts}`);
  if (!(ahtSec >= 0)) throw new RangeError(`outboundWorkloadSec needs ahtSec >= 0, got ${ahtSec}`);
  if (!(dial >= 0)) throw new RangeError(`outboundWorkloadSec needs dialTimeSec >= 0, got ${dial}`);
  let attempts = campaign.attempts;
  if (attempts === undefined && dial > 0) {
    const rate = campaign.contactRate;
    if (rate === undefined || !(rate > 0 && rate <= 1)) {
      throw new RangeError(`outboundWorkloadSec needs attempts or a contact rate in (0, 1] with a dial time, got ${rate}`);
    }
    attempts = contacts / rate;
  }
  if (attempts !== undefined && !(attempts >= 0)) throw new RangeError(`outboundWorkloadSec needs attempts >= 0, got ${attempts}`);
  return (attempts ?? 0) * dial + contacts * ahtSec;
}

/**
 * Agents to log in for a workload over a window at a target occupancy
 * (workload staffing: outbound work waits for agents, not the reverse).
 *
 * `agents = workloadSec / (windowSec × occupancy)`, fractional; rounding to
 * people happens once, later, in the plan.
 *
 * @param workloadSec - agent-seconds of work
 * @param windowSec - productive seconds each agent is logged in over the window
 * @param occupancy - target share of logged-in time spent on the work (0, 1]
 * @returns agents (fractional)
 * @example
 * workloadAgents(411_428.6, 6.4 * 3600, 1); // 17.86 → 18 agents (DOMAIN outbound example)
 */
export function workloadAgents(workloadSec: number, windowSec: number, occupancy: number): number {
  if (!(workloadSec >= 0)) throw new RangeError(`workloadAgents needs workloadSec >= 0, got ${workloadSec}`);
  if (!(windowSec > 0)) throw new RangeError(`workloadAgents needs windowSec > 0, got ${windowSec}`);
  if (!(occupancy > 0 && occupancy <= 1)) throw new RangeError(`workloadAgents needs occupancy in (0, 1], got ${occupancy}`);
  return workloadSec / (windowSec * occupancy);
}
