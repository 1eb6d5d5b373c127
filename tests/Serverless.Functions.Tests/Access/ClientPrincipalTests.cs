using System.Text;
using Serverless.Api.Access;
using Serverless.Api.Http;

namespace Serverless.Functions.Tests.Access;

/// <summary>The <c>x-ms-client-principal</c> parser's limits, past what a web server's header limit lets through.</summary>
public sealed class ClientPrincipalTests
{
    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parse_EasyAuthEntraPrincipal_ReadsNameAndRoles()
    {
        var principal = ClientPrincipal.Parse(Encode("""
            {"auth_typ":"aad","name_typ":"name","role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
             "claims":[{"typ":"name","val":"Dana"},{"typ":"roles","val":"Operator"},{"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"Approver"},{"typ":"groups","val":"g1"}]}
            """));

        Assert.Equal("aad", principal.IdentityProvider);
        Assert.Equal("Dana", principal.Name);
        Assert.Equal(["Operator", "Approver"], principal.RoleValues);
    }

    [Fact]
    public void Parse_MoreClaimsThanTheLimit_Throws400()
    {
        var json = "{\"claims\":[" + string.Join(',', Enumerable.Repeat("""{"typ":"x","val":"y"}""", ClientPrincipal.MaxClaims + 1)) + "]}";

        var e = Assert.Throws<ApiProblemException>(() => ClientPrincipal.Parse(Encode(json)));

        Assert.Equal(400, e.Status);
        Assert.Contains($"at most {ClientPrincipal.MaxClaims}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongerThanTheLimit_Throws400()
    {
        var e = Assert.Throws<ApiProblemException>(() => ClientPrincipal.Parse(new string('A', ClientPrincipal.MaxHeaderChars + 4)));

        Assert.Equal(400, e.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("e30")]
    public void Parse_NotAPrincipal_Throws400(string header)
    {
        var e = Assert.Throws<ApiProblemException>(() => ClientPrincipal.Parse(header));

        Assert.Equal(400, e.Status);
        Assert.Equal("Invalid client principal", e.Title);
    }
}
