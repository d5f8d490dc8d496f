using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    /// <summary>
    /// The simulated phone network: keys pressed on a connected phone leg, in order. <c>1</c> answers the "press 1 to
    /// stay" prompt (the leg is kept; reminders go on); <c>*6</c> mutes or unmutes the phone; <c>*1</c> plays how many
    /// minutes the call's funding has left. Other keys are heard and ignored, as a bridge ignores keys it has no menu
    /// for. Only the user who placed the call or the meeting's organizer may press keys here (<see cref="MayActOn"/>):
    /// in the simulation they stand in for the person holding that phone.
    /// </summary>
    /// <param name="legId">The leg; null for the user's own live "Call me" phone (chat's <c>press</c>), or <see cref="EngineError.NoPhoneLeg"/>.</param>
    public EngineResult<CallLeg> PressKeys(string tenantId, string userId, string? legId, string keys) =>
        InTenant<CallLeg>(tenantId, (tenant, raised) =>
        {
            CallLeg? leg;
            if (legId is null)
            {
                if ((leg = OwnPhoneLeg(tenant, userId)) is null) return EngineError.NoPhoneLeg;
            }
            else if (!tenant.Legs.TryGetValue(legId, out leg)) return EngineError.UnknownCallLeg;
            if (!MayActOn(tenant, leg, userId)) return EngineError.NotYourCallLeg;
            if (!leg.IsLive) return EngineError.CallLegEnded;
            if (!AreValidKeys(keys)) return EngineError.InvalidKeys;
            if (leg.State != CallLegState.Connected) return EngineError.CallLegNotAnswered;
            var now = Now; // one reading: minutes owed up to now are paid before a key is heard
            MeterLeg(tenant, leg, now, raised);
            if (!leg.IsLive) return EngineError.CallLegEnded;
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] == '*' && i + 1 < keys.Length && keys[i + 1] is '6' or '1')
                {
                    if (keys[++i] == '6') ToggleMute(leg, raised);
                    else leg.PlayPrompt(now, EngineMessages.MinutesLeftPrompt(MinutesLeftForPrompt(tenant, leg)));
                }
                else if (keys[i] == '1' && leg.StayAskedAt is not null)
                {
                    leg.StayQuestionSettled();
                    leg.PlayPrompt(now, EngineMessages.StayingOnThePhone);
                    ScheduleLeg(tenant, leg);
                }
            }
            return leg;
        });

    /// <summary>1 to <see cref="EngineMessages.MaxKeysPerPress"/> of 0-9, * and #.</summary>
    public static bool AreValidKeys(string? keys) =>
        keys is { Length: > 0 and <= EngineMessages.MaxKeysPerPress } && keys.All(c => char.IsAsciiDigit(c) || c is '*' or '#');

    private void ToggleMute(CallLeg leg, List<EngineEvent> raised)
    {
        var muted = leg.ToggleMute();
        leg.PlayPrompt(Now, muted ? EngineMessages.PhoneMuted : EngineMessages.PhoneUnmuted);
        raised.Add(StateChanged(leg) with { At = Now });
    }

    /// <summary>The cut-off warning's own count (<see cref="MinutesLeft"/>), asked for it in full; null when nothing limits the call.</summary>
    private int? MinutesLeftForPrompt(Tenant tenant, CallLeg leg)
    {
        var left = MinutesLeft(tenant, leg, int.MaxValue - 1);
        return left >= int.MaxValue - 1 ? null : left;
    }
}
