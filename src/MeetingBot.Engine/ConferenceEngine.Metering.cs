using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Persistence;
using MeetingBot.Engine.Reports;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    /// <summary>
    /// Advances every tenant to the current time: answers ringing phones, pays each connected leg's next minute
    /// (cutting off legs that cannot pay), forfeits expired credits, tells admins about credits expiring soon, repeats
    /// hang-up reminders and applies the orphaned-leg guard (the tenant's policy). The host calls it every second; tests
    /// call it after moving a fake clock.
    /// </summary>
    public int Tick()
    {
        var processed = 0;
        foreach (var tenant in _tenants.Values)
        {
            var raised = new List<EngineEvent>();
            lock (tenant.Sync)
            {
                var (batch, count) = AdvanceTenant(tenant, raised);
                using (batch) batch.Complete();
                processed += count;
            }
            foreach (var e in raised) _events.Publish(e);
        }
        return processed;
    }

    /// <summary>
    /// <see cref="Tick"/> for a host where one owner runs the tenant's calls one at a time (the tenant grain): the
    /// tick is decided under the tenant's lock, then its writes are awaited without holding a thread, and its
    /// events are published once they are stored. If the store refuses or fails, the exception reaches the owner,
    /// which must reload the tenant from the store (its memory is ahead of what was committed).
    /// </summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken = default)
    {
        var processed = 0;
        foreach (var tenant in _tenants.Values)
        {
            var raised = new List<EngineEvent>();
            IJournalBatch batch;
            lock (tenant.Sync)
            {
                (batch, var count) = AdvanceTenant(tenant, raised);
                processed += count;
            }
            using (batch) await batch.CompleteAsync(cancellationToken);
            foreach (var e in raised) _events.Publish(e);
        }
        return processed;
    }

    /// <summary>
    /// One tenant's tick, decided in memory. Everything it pays goes into one journal batch; an idle tick opens
    /// none. Caller holds the tenant lock and completes (or disposes) the batch.
    /// </summary>
    private (IJournalBatch Batch, int Processed) AdvanceTenant(Tenant tenant, List<EngineEvent> raised)
    {
        var processed = 0;
        var now = Now.UtcTicks;
        var batch = (tenant.Due.TryPeek(out _, out var first) && first <= now) || MeetingPurgeDue(tenant, now) ? _journal.BeginBatch() : NoJournalBatch.Instance;
        try
        {
            ExpireCredits(tenant, raised);
            NoticeExpiringCredits(tenant, raised);
            ExpireApprovals(tenant, raised);
            HangUpSilentCallers(tenant);
            while (tenant.Due.TryPeek(out var leg, out var due) && due <= now)
            {
                tenant.Due.Dequeue();
                if (!leg.IsLive || leg.DueTicks != due) continue; // ended, or rescheduled since
                processed++;
                t_instant = new DateTimeOffset(due, TimeSpan.Zero);
                try
                {
                    Advance(tenant, leg, raised);
                    if (leg.IsLive) ScheduleLeg(tenant, leg);
                }
                finally
                {
                    t_instant = null;
                }
            }
            PurgeExpiredMeetings(tenant, now);
            return (batch, processed);
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    private void Advance(Tenant tenant, CallLeg leg, List<EngineEvent> raised)
    {
        if (leg.State == CallLegState.Ringing)
        {
            if (Now - leg.CreatedAt >= Options.AutoAnswerAfter) Connect(tenant, leg, raised);
            return;
        }
        MeterLeg(tenant, leg, Now, raised);
        if (!leg.IsLive || !leg.IsOrphaned) return;
        if (EndOrphanedLegIfDue(tenant, leg, raised)) return;
        if (Now - (leg.LastReminderAt ?? leg.OrphanedAt!.Value) >= Options.HangUpReminderInterval)
        {
            leg.Reminded(Now);
            raised.Add(Reminder(tenant, leg));
        }
    }

    /// <summary>Queues the leg for the next instant it needs the engine. Caller holds the tenant lock.</summary>
    private void ScheduleLeg(Tenant tenant, CallLeg leg)
    {
        if (!leg.IsLive) return;
        long due;
        if (leg.State == CallLegState.Ringing)
            due = (leg.CreatedAt + Options.AutoAnswerAfter).UtcTicks;
        else
        {
            due = leg.PaidThrough.UtcTicks + 1; // the next minute begins just after the paid one ends
            if (leg.IsOrphaned)
            {
                due = Math.Min(due, ((leg.LastReminderAt ?? leg.OrphanedAt!.Value) + Options.HangUpReminderInterval).UtcTicks);
                if (OrphanGuardDue(tenant, leg) is { } guard) due = Math.Min(due, guard);
            }
        }
        if (due == leg.DueTicks && due > Now.UtcTicks) return; // already queued for that instant
        leg.DueAt(due);
        tenant.Due.Enqueue(leg, due);
    }

    private void Connect(Tenant tenant, CallLeg leg, List<EngineEvent> raised)
    {
        // One instant for the connect and its first minute: on a running clock two reads differ by microseconds,
        // which made every usage record of the leg a second short.
        var now = Now;
        leg.Connect(now);
        if (!TryPayMinute(tenant, leg, now, raised, out var refusal))
        {
            CutOff(tenant, leg, now, raised, refusal);
            return;
        }
        JournalLeg(leg);
        AskToStayIfPolicy(tenant, leg); // its user left while it rang
        ScheduleLeg(tenant, leg);
        raised.Add(StateChanged(leg));
        WarnBeforeCutOff(tenant, leg, raised);
    }

    /// <summary>Pays every minute that has begun by <paramref name="upTo"/>; cuts the leg off at the first it cannot pay.</summary>
    private void MeterLeg(Tenant tenant, CallLeg leg, DateTimeOffset upTo, List<EngineEvent> raised)
    {
        while (leg.State == CallLegState.Connected && upTo > leg.PaidThrough)
        {
            var minuteStart = leg.PaidThrough;
            if (TryPayMinute(tenant, leg, minuteStart, raised, out var refusal)) WarnBeforeCutOff(tenant, leg, raised);
            else CutOff(tenant, leg, minuteStart, raised, refusal);
        }
    }

    /// <summary>
    /// Ends a leg that cannot pay its next minute. <paramref name="reason"/>: Teams' error when the pool and credits are
    /// spent, or <see cref="EngineError.DialOutBudgetSpent"/> when the dialing user's monthly budget is.
    /// </summary>
    private void CutOff(Tenant tenant, CallLeg leg, DateTimeOffset at, List<EngineEvent> raised, EngineError reason = EngineError.CallingFeatureNotSetUp)
    {
        leg.CannotPay(reason);
        EndLeg(tenant, leg, at, CallLegState.CutOff, raised);
        var userId = leg.RequestedByUserId ?? leg.BilledUserId;
        raised.Add(new CallingFeatureUnavailable(tenant.Id, Now, userId, leg.MeetingId, reason, EngineMessages.For(reason)));
    }

    /// <summary>
    /// Asks the funding policy who would pay a minute beginning at <paramref name="minuteStart"/> of a leg of
    /// <paramref name="kind"/> to or from <paramref name="region"/> in a meeting <paramref name="organizer"/>
    /// organized. With <paramref name="poolExhausted"/> the pool counts as empty (the store refused its last minute).
    /// </summary>
    private FundingDecision Funding(Tenant tenant, User organizer, string region, CallLegKind kind, DateTimeOffset minuteStart, bool poolExhausted = false)
    {
        var month = MonthOf(minuteStart);
        var poolLeft = poolExhausted ? 0 : tenant.PoolMinutes(month, Capability.MCOMEETADD) - tenant.Used(month, Capability.MCOMEETADD);
        return FundingPolicy.Decide(new FundingQuestion(kind, region, organizer.Funding, poolLeft,
            tenant.Credits.Balance, tenant.Credits.AutoRecharge, RateFor(tenant, region, kind)));
    }

    /// <summary>
    /// Pays one minute the way the funding policy decides, within the dialing user's budget; when it cannot,
    /// <paramref name="refusal"/> says why. Caller holds the tenant lock.
    /// </summary>
    private bool TryPayMinute(Tenant tenant, CallLeg leg, DateTimeOffset minuteStart, List<EngineEvent> raised, out EngineError refusal)
    {
        refusal = EngineError.CallingFeatureNotSetUp;
        ExpireCredits(tenant, raised);
        var organizer = tenant.UsersById[leg.BilledUserId];
        var funding = Funding(tenant, organizer, leg.DestinationRegion, leg.Kind, minuteStart);
        if (funding.Source == FundingSource.IncludedInLicense)
        {
            leg.RecordPaidMinute(funding.Capability, 0m, minuteStart);
            return true;
        }
        if (funding.IsFunded && !BudgetAllows(tenant, leg, funding.Source == FundingSource.Credits ? funding.Charge : 0m, minuteStart))
        {
            refusal = EngineError.DialOutBudgetSpent;
            return false;
        }
        if (funding.Source == FundingSource.Pool)
        {
            var month = MonthOf(minuteStart);
            var size = tenant.PoolMinutes(month, Capability.MCOMEETADD);
            var used = tenant.Used(month, Capability.MCOMEETADD);
            if (_journal.TryTakePoolMinute(tenant.Id, month, size, new LegMinute(leg.Id, leg.MinutesPaid + 1, minuteStart, 0m)))
            {
                tenant.MinutesUsed[(month, Capability.MCOMEETADD)] = checked(used + 1);
                CountPoolMinuteOnDay(tenant, minuteStart, 1);
                leg.RecordPaidMinute(Capability.MCOMEETADD, 0m, minuteStart);
                CountBudgetMinute(tenant, leg, 0m, minuteStart);
                WarnIfPoolLow(tenant, month, used + 1, size, raised);
                return true;
            }
            funding = Funding(tenant, organizer, leg.DestinationRegion, leg.Kind, minuteStart, poolExhausted: true);
            if (funding.Source == FundingSource.Credits && !BudgetAllows(tenant, leg, funding.Charge, minuteStart))
            {
                refusal = EngineError.DialOutBudgetSpent;
                return false;
            }
        }
        return funding.Source == FundingSource.Credits && TryPayFromCredits(tenant, leg, funding, minuteStart, raised);
    }

    private bool TryPayFromCredits(Tenant tenant, CallLeg leg, FundingDecision funding, DateTimeOffset minuteStart, List<EngineEvent> raised)
    {
        var credits = tenant.Credits;
        if (funding.RechargeFirst) AutoRecharge(tenant, raised);
        var description = $"{leg.Kind} {leg.ToNumber} minute {leg.MinutesPaid + 1}";
        if (credits.Balance < funding.Charge || !_journal.TryDebitCredits(tenant.Id, new LegMinute(leg.Id, leg.MinutesPaid + 1, minuteStart, funding.Charge), description)) return false;
        credits.TryDebit(funding.Charge, minuteStart, description);
        leg.RecordPaidMinute(Capability.MCOPSTNPP, funding.Charge, minuteStart);
        CountBudgetMinute(tenant, leg, funding.Charge, minuteStart);
        if (credits.AutoRecharge.Enabled && credits.Balance < credits.AutoRecharge.Threshold) AutoRecharge(tenant, raised);
        raised.Add(new CreditsChanged(tenant.Id, Now, credits.Balance, "Call charge"));
        return true;
    }

    private void AutoRecharge(Tenant tenant, List<EngineEvent> raised)
    {
        var settings = tenant.Credits.AutoRecharge;
        if (!settings.Enabled) return;
        if (!_payments.TryCharge(tenant.Id, settings.Amount, tenant.Currency, "Communications Credits auto-recharge")) return;
        BuyCredits(tenant, settings.Amount, isAutoRecharge: true);
        raised.Add(new CreditsChanged(tenant.Id, Now, tenant.Credits.Balance, "Auto-recharge"));
    }

    private void ExpireCredits(Tenant tenant, List<EngineEvent> raised)
    {
        var forfeited = tenant.Credits.ExpireFunds(Now);
        foreach (var (purchase, tx) in forfeited) _journal.RecordForfeiture(tenant.Id, purchase.Id, tx);
        if (forfeited.Count > 0)
            raised.Add(new CreditsChanged(tenant.Id, Now, tenant.Credits.Balance, "Unused funds forfeited after 12 months"));
    }

    private decimal RateFor(Tenant tenant, string region, CallLegKind kind) =>
        kind == CallLegKind.DialInTollFree ? Options.TollFreeRatePerMinute : tenant.RateFor(region);

    private void WarnIfPoolLow(Tenant tenant, DateOnly month, int used, int size, List<EngineEvent> raised)
    {
        foreach (var threshold in _poolThresholds)
        {
            if ((long)used * 100 < (long)threshold * size) continue;
            if (tenant.WarningsSent.Add((month, threshold)))
                raised.Add(new PoolLow(tenant.Id, Now, threshold, used, size));
        }
    }

    /// <summary>Closes a leg and writes its usage records, one per paid segment. Caller holds the tenant lock.</summary>
    private void EndLeg(Tenant tenant, CallLeg leg, DateTimeOffset at, CallLegState state, List<EngineEvent> raised)
    {
        if (state == CallLegState.CutOff) leg.CutOff(at);
        else leg.End(at);
        tenant.LiveLegs.Remove(leg);
        DialInLegEnded(leg);
        var segments = leg.Segments;
        var records = new List<UsageRecord>(segments.Count);
        for (var i = 0; i < segments.Count; i++)
        {
            var seg = segments[i];
            var segEnd = i + 1 < segments.Count ? segments[i + 1].Start : at;
            var requester = leg.RequestedByUserId ?? leg.BilledUserId;
            var user = tenant.UsersById[requester];
            records.Add(new UsageRecord(UsageRecordId(leg.Id, i), leg.Id, tenant.Id, user.Id, user.DisplayName, user.Upn,
                leg.IsDialOut ? UsageRecord.ConferenceDialOut : UsageRecord.ConferenceDialIn,
                leg.FromNumber, leg.ToNumber, leg.DestinationRegion, seg.Start,
                checked((int)(segEnd - seg.Start).TotalSeconds), seg.Charge, tenant.Currency, seg.Capability, user.Country));
        }
        tenant.Usage.AddRange(records);
        JournalLeg(leg);
        _journal.RecordUsage(records);
        var meeting = tenant.Meetings[leg.MeetingId];
        var participant = meeting.FindParticipant(leg.ParticipantId);
        if (participant is null) return; // restored after a restart: the roster was not kept
        participant.PhoneEnded(leg.Id);
        if (!participant.InClient && participant.LeftAt is null)
        {
            participant.Leave(at);
            raised.Add(new ParticipantLeft(tenant.Id, Now, meeting.Id, participant.Id, participant.DisplayName));
        }
        raised.Add(StateChanged(leg));
    }

    /// <summary>Stable per (leg, segment), so a record written twice (e.g. across a crash) is stored once.</summary>
    private static Guid UsageRecordId(string legId, int segmentIndex) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{legId}#{segmentIndex}")));

    private static DateOnly MonthOf(DateTimeOffset at) => BillingMonth.Of(at);
}
