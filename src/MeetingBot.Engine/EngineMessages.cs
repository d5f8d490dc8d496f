using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine;

/// <summary>The user-facing words for each <see cref="EngineError"/>, in one place so the bot, the API and the hub agree.</summary>
public static class EngineMessages
{
    /// <summary>The exact text Teams shows when dial-out is refused or a call is cut off.</summary>
    public const string NotSetUpForCallingFeature =
        "You are not set up to use this calling feature. Please contact your IT administrator.";

    public const string OrganizerHasNoDialIn =
        "The organizer does not have access to dial-in information for this meeting.";

    public const string HangUpBothEnds =
        "Your phone is still connected to the meeting and is using minutes. Hang up both in the client and on your phone.";

    /// <summary>
    /// What the phone hears (and the dialing user and the organizer read) when a call's remaining funds cover at most
    /// <paramref name="minutesLeft"/> minutes: beyond Teams, whose cut-off comes without a word.
    /// </summary>
    public static string CutOffWarning(int minutesLeft) =>
        $"This call will end in about {minutesLeft} {(minutesLeft == 1 ? "minute" : "minutes")}: your organization's dial-out minutes and Communications Credits are running out.";

    /// <summary>As <see cref="CutOffWarning"/>, when the dialing user's monthly dial-out budget (toll-fraud guardrail) runs out first.</summary>
    public static string BudgetCutOffWarning(int minutesLeft) =>
        $"This call will end in about {minutesLeft} {(minutesLeft == 1 ? "minute" : "minutes")}: your monthly dial-out budget is running out.";

    /// <summary>Most keys one press sends to a phone (the simulation's keys endpoint and dial pad).</summary>
    public const int MaxKeysPerPress = 32;

    /// <summary>What a "Call me" phone hears when its user left the meeting in the app and the tenant's policy is Ask.</summary>
    public const string StayOnThePhonePrompt = "You left the meeting in the app. Press 1 to stay on the phone.";

    /// <summary>The phone's answer to 1 after <see cref="StayOnThePhonePrompt"/>.</summary>
    public const string StayingOnThePhone = "You are still in the meeting by phone. Remember to hang up when you are done.";

    public const string PhoneMuted = "You are muted. Press star 6 to unmute.";
    public const string PhoneUnmuted = "You are unmuted.";

    /// <summary>
    /// The answer to *1: whole minutes the call's funding can still pay, the minute in progress included (the same
    /// count the cut-off warning uses); null when the minutes are included in a license and never run out.
    /// </summary>
    public static string MinutesLeftPrompt(int? minutesLeft) => minutesLeft is { } m
        ? $"This call can go on for about {m} more {(m == 1 ? "minute" : "minutes")} with your organization's dial-out minutes and Communications Credits."
        : "This call's minutes are included in the organizer's license: it will not run out.";

    /// <summary>What the requester of a held dial-out reads when the organizer decides, or nobody does in time.</summary>
    public static string ApprovalDecided(Calling.DialOutApproval approval, string number) => approval.Status switch
    {
        Calling.ApprovalStatus.Approved when approval.CallRefusal is { } refused => $"{approval.OrganizerName} approved the call to {number}, but it could not be placed: {For(refused)}",
        Calling.ApprovalStatus.Approved => $"{approval.OrganizerName} approved the call to {number}: dialing now.",
        Calling.ApprovalStatus.Denied => $"{approval.OrganizerName} denied the call to {number}: nothing was dialed.",
        _ => $"Nobody approved the call to {number} in time: the request expired and nothing was dialed.",
    };

    public static string For(EngineError error) => error switch
    {
        EngineError.UnknownTenant => "That tenant does not exist.",
        EngineError.UnknownUser => "That user does not exist in this tenant.",
        EngineError.UnknownMeeting => "That meeting does not exist.",
        EngineError.UnknownCallLeg => "That call does not exist.",
        EngineError.UnknownDialInSession => "That dial-in call does not exist or has ended.",
        EngineError.NotTenantAdmin => "Only a tenant admin can do that.",
        EngineError.NotMeetingOrganizer => "Only the meeting organizer can do that.",
        EngineError.NotMeetingParticipant => "You are not in that meeting.",
        EngineError.MeetingEnded => "That meeting has ended.",
        EngineError.InvalidSubject => "A meeting needs a subject of 1 to 200 characters.",
        EngineError.InvalidSchedule => "A meeting must start within five years of today, end after it starts and last at most 24 hours.",
        EngineError.LicenseAlreadyAssigned => "That license is already assigned to this user.",
        EngineError.LicenseNotAssigned => "That license is not assigned to this user.",
        EngineError.NoSeatsLeft => "All purchased seats of that license are assigned. Buy more seats or unassign one first.",
        EngineError.NotSubscribed => "The tenant has no subscription to that license.",
        EngineError.InvalidPin => "A PIN is 4 to 12 digits.",
        EngineError.NoAudioConferencing => OrganizerHasNoDialIn,
        EngineError.CallingFeatureNotSetUp => NotSetUpForCallingFeature,
        EngineError.DestinationNotAllowed => NotSetUpForCallingFeature,
        EngineError.InvalidPhoneNumber => "That is not a valid phone number. Enter a full number, e.g. +1 405 555 0100 or a 10-digit US number.",
        EngineError.PremiumOrSpecialNumber => "Premium-rate and special-service numbers cannot be dialed from a meeting.",
        EngineError.EmergencyNumber => "Emergency numbers cannot be dialed from a meeting. Call them from your phone.",
        EngineError.PhoneLegAlreadyActive => "Your phone is already connected to this meeting.",
        EngineError.NoPhoneLeg => "You have no phone connected to a meeting.",
        EngineError.CallLegEnded => "That call has already ended.",
        EngineError.InvalidAmount => "Amounts must be between 1.00 and 10,000.00 with at most two decimals.",
        EngineError.InvalidDateRange => "The date range must start before it ends and span at most 366 days.",
        EngineError.InvalidCallType => "Unknown call type. Use conf_out (dial-out from meetings) or conf_in (dial-in).",
        EngineError.InvalidConferenceIdFormat => "A conference ID is 6 to 12 digits followed by #.",
        EngineError.ConferenceIdNotFound => "That conference ID was not found.",
        EngineError.TooManyConferenceIdAttempts => "Too many wrong conference IDs. Goodbye.",
        EngineError.TollFreeUnavailable => "The toll-free number is not available. Please call the toll number.",
        EngineError.DialInNotAllowed => OrganizerHasNoDialIn,
        EngineError.PaymentDeclined => "The payment was declined; no funds were added.",
        EngineError.RateLimited => "Too many dial-outs in a short time. Wait a minute and try again.",
        EngineError.WrongPin => "That PIN is not correct.",
        EngineError.NotABridgeNumber => "That number is not a conference dial-in number of this organization.",
        EngineError.InvalidMonthsOfHistory => "The minute pools report shows this month and up to 24 months before it (months 0 to 24).",
        EngineError.InvalidDirectoryId => "A Microsoft Entra object id is a GUID, e.g. 6f2d0c4e-8a1b-4c3d-9e5f-0a1b2c3d4e5f (Teams sends it as aadObjectId).",
        EngineError.DirectoryIdInUse => "That Microsoft Entra object id is already mapped to another user of this organization.",
        EngineError.PhoneExtensionNotDialable => "A meeting dials phone numbers without extensions: enter the number without its extension (\"ext …\") and try again.",
        EngineError.InvalidKeys => $"Keys are 1 to {MaxKeysPerPress} of 0-9, * and #.",
        EngineError.NotYourCallLeg => "Only the person who placed this call or the meeting organizer can press keys on its phone.",
        EngineError.CallLegNotAnswered => "That phone has not answered yet: keys can be pressed once the call is connected.",
        EngineError.InvalidOrphanedLegPolicy => $"The orphaned phone policy is off, ask, or end with 1 to {Tenancy.OrphanedLegPolicy.MaxEndAfterMinutes} minutes (e.g. \"orphan policy end 5\").",
        EngineError.AwaitingOrganizerApproval => "This number needs the meeting organizer's approval (your organization's toll-fraud guardrails). We asked them; nothing is dialed until they approve, and you will hear back here.",
        EngineError.DialOutBudgetSpent => "You have used your dial-out budget for this month. Ask your IT administrator to raise it.",
        EngineError.InvalidBudget => "A dial-out budget is whole minutes from 0 to 100,000 a month and money from 0.00 to 100,000.00 a month with at most two decimals (or none for no limit).",
        EngineError.InvalidGuardrails => "The approval rate is 0 to 100.00 a minute (at most 4 decimals), and approvals expire after 1 to 1440 minutes.",
        EngineError.UnknownApproval => "That approval request does not exist.",
        EngineError.ApprovalNotPending => "That approval request has already been decided.",
        EngineError.ApprovalExpired => "That approval request has expired: nothing was dialed. The caller can dial again.",
        _ => error.ToString(),
    };
}
