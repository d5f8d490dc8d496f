namespace MeetingBot.Web.Api.Contracts;

/// <summary>Which host answered, and which host owns the caller's tenant now ("machine/process id" each).</summary>
public sealed record ClusterView(string ThisHost, string TenantHost);
