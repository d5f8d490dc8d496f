namespace MeetingBot.Web.Bot.Cards;

/// <summary>The <c>action</c> discriminators card submits carry; the bot's submit router switches on them.</summary>
public static class CardActions
{
    public const string Help = "help";
    public const string Schedule = "schedule";
    public const string ShowPreJoin = "showPreJoin";
    public const string JoinComputer = "joinComputer";
    public const string JoinNoAudio = "joinNoAudio";
    public const string PhoneAudio = "phoneAudio";
    public const string ConfirmCall = "confirmCall";
    public const string CancelCall = "cancelCall";
    public const string ConfirmAdd = "confirmAdd";
    public const string AddParticipant = "addParticipant";
    public const string HangUp = "hangUp";
    public const string Leave = "leave";
    public const string EndMeeting = "endMeeting";
    public const string Roster = "roster";
    public const string ResetPin = "resetPin";
    public const string ActAs = "actAs";
    public const string AssignLicense = "assignLicense";
    public const string UnassignLicense = "unassignLicense";
    public const string SetPermission = "setPermission";
    public const string AddFunds = "addFunds";
    public const string SetAutoRecharge = "setAutoRecharge";
    public const string Pools = "pools";
    public const string Usage = "usage";
    public const string Credits = "credits";
    public const string Admin = "admin";
    public const string Audit = "audit";
    public const string Lobby = "lobby";
    public const string Admit = "admit";
    public const string SetLobby = "setLobby";
    public const string ApproveDialOut = "approveDialOut";
    public const string DenyDialOut = "denyDialOut";
    public const string Approvals = "approvals";
}
