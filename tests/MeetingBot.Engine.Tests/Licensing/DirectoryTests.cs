using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Licensing;

/// <summary>The user directory Teams chats are matched against: Entra object ids, from the seed or mapped by an admin.</summary>
public class DirectoryTests
{
    private const string T = EngineFixture.TenantId;
    private const string MegansId = "6f2d0c4e-8a1b-4c3d-9e5f-0a1b2c3d4e5f";

    [Fact]
    public void SetDirectoryId_ByAdmin_MapsTheUser_InOneForm_AndFindsThemByIt()
    {
        var f = new EngineFixture();

        var mapped = f.Engine.SetDirectoryId(T, "nestor", "megan", "{" + MegansId.ToUpperInvariant() + "}");

        Assert.True(mapped.IsSuccess, mapped.Message);
        Assert.Equal(MegansId, f.Engine.GetUser(T, "megan").Value!.AadObjectId);
        Assert.Equal("megan", f.Engine.FindByDirectoryId(T, MegansId.ToUpperInvariant()).Value!.Id);
        Assert.Contains(f.Engine.GetAuditLog(T, "nestor").Value!, e => e.Action == "directory.map" && e.Target.StartsWith("megan ", StringComparison.Ordinal) && e.Outcome == "ok");
    }

    [Theory]
    [InlineData("adele", "megan", MegansId, EngineError.NotTenantAdmin)]
    [InlineData("nestor", "nobody", MegansId, EngineError.UnknownUser)]
    [InlineData("nestor", "megan", "megan@contoso.example", EngineError.InvalidDirectoryId)]
    [InlineData("nestor", "megan", "00000000-0000-0000-0000-000000000000", EngineError.InvalidDirectoryId)]
    [InlineData("nestor", "megan", "", EngineError.InvalidDirectoryId)]
    public void SetDirectoryId_Refused_ChangesNothing(string admin, string user, string id, EngineError expected)
    {
        var f = new EngineFixture();

        Assert.Equal(expected, f.Engine.SetDirectoryId(T, admin, user, id).Error);
        Assert.Null(f.Engine.GetUser(T, "megan").Value!.AadObjectId);
        Assert.Equal(EngineError.UnknownUser, f.Engine.FindByDirectoryId(T, id).Error);
    }

    [Fact]
    public void SetDirectoryId_HeldByAnotherUser_IsRefused_NotMoved()
    {
        var f = new EngineFixture();
        Assert.True(f.Engine.SetDirectoryId(T, "nestor", "megan", MegansId).IsSuccess);

        Assert.Equal(EngineError.DirectoryIdInUse, f.Engine.SetDirectoryId(T, "nestor", "lee", MegansId).Error);
        Assert.Equal("megan", f.Engine.FindByDirectoryId(T, MegansId).Value!.Id);
        Assert.Null(f.Engine.GetUser(T, "lee").Value!.AadObjectId);
        // Mapping the same id to its own user again is not a conflict.
        Assert.True(f.Engine.SetDirectoryId(T, "nestor", "megan", MegansId).IsSuccess);
    }

    [Fact]
    public void FindByDirectoryId_Unmapped_IsUnknownUser_AndSeedIdsAreKnown()
    {
        var f = new EngineFixture(s => s.Users.Single(u => u.Id == "adele").AadObjectId = "A1B2C3D4-0000-4000-8000-000000000001");

        Assert.Equal("adele", f.Engine.FindByDirectoryId(T, "a1b2c3d4-0000-4000-8000-000000000001").Value!.Id);
        Assert.Equal(EngineError.UnknownUser, f.Engine.FindByDirectoryId(T, null).Error);
        Assert.Equal(EngineError.UnknownUser, f.Engine.FindByDirectoryId(T, MegansId).Error);
    }

    [Fact]
    public void AddTenant_SeedDirectoryIdNotAGuid_FailsAtStartUp()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EngineFixture(s => s.Users[0].AadObjectId = "adele"));

        Assert.Contains("AadObjectId", ex.Message);
    }
}
