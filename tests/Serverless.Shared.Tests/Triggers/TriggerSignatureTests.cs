using System.Security.Cryptography;
using System.Text;
using Serverless.Triggers;

namespace Serverless.Tests.Triggers;

public sealed class TriggerSignatureTests
{
    private const string Secret = "It's a Secret to Everybody";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Hello, World!");
    private static readonly TriggerAuth Signature = new() { Mode = TriggerAuthMode.Signature, Secret = "S", Header = "X-Hub-Signature-256" };
    private static readonly TriggerAuth Stamped = new() { Mode = TriggerAuthMode.TimestampedSignature, Secret = "S", Header = "Stripe-Signature", ToleranceSeconds = 300 };
    private static readonly TriggerAuth Key = new() { Mode = TriggerAuthMode.Key, Secret = "S", Header = "x-trigger-key" };

    [Fact]
    public void Sign_GitHubsPublishedExample_GivesItsPublishedSignature()
    {
        // The example in GitHub's "Validating webhook deliveries" documentation: this secret, this payload, this digest.
        Assert.Equal("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", TriggerSignature.Sign(Secret, Body));
    }

    [Fact]
    public void Check_Signature_AcceptsTheRightOneInAnyHexCaseAndRefusesEveryOther()
    {
        var right = TriggerSignature.Sign(Secret, Body);

        Assert.Null(TriggerSignature.Check(Signature, Secret, right, Body, Now));
        Assert.Null(TriggerSignature.Check(Signature, Secret, "SHA256=" + right[7..].ToUpperInvariant(), Body, Now));
        Assert.Equal("badSignature", TriggerSignature.Check(Signature, Secret, right, Encoding.UTF8.GetBytes("Hello, World?"), Now)!.Reason);
        Assert.Equal("badSignature", TriggerSignature.Check(Signature, "other", right, Body, Now)!.Reason);
        Assert.Equal("missingCredential", TriggerSignature.Check(Signature, Secret, null, Body, Now)!.Reason);
        Assert.Equal(401, TriggerSignature.Check(Signature, Secret, "", Body, Now)!.Status);
        foreach (var malformed in new[] { "757107ea", "sha1=" + right[7..], right + "00", right[..^1] + "g", "sha256=" + new string('a', 5000) })
        {
            Assert.Equal(401, TriggerSignature.Check(Signature, Secret, malformed, Body, Now)!.Status);
        }
    }

    [Fact]
    public void Check_Key_ComparesTheWholeKey()
    {
        Assert.Null(TriggerSignature.Check(Key, Secret, Secret, Body, Now));
        Assert.Equal("badKey", TriggerSignature.Check(Key, Secret, Secret[..^1], Body, Now)!.Reason);
        Assert.Equal("badKey", TriggerSignature.Check(Key, Secret, Secret + " ", Body, Now)!.Reason);
        Assert.Equal(403, TriggerSignature.Check(Key, Secret, "x", Body, Now)!.Status);
    }

    [Fact]
    public void Check_Timestamped_AcceptsWithinToleranceAndRefusesStaleFutureOrTampered()
    {
        var fresh = TriggerSignature.SignTimestamped(Secret, Body, Now.AddSeconds(-299));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{Now.AddSeconds(-299).ToUnixTimeSeconds()}.Hello, World!")));

        Assert.Equal($"t={Now.AddSeconds(-299).ToUnixTimeSeconds()},v1={expected}", fresh);
        Assert.Null(TriggerSignature.Check(Stamped, Secret, fresh, Body, Now));
        Assert.Null(TriggerSignature.Check(Stamped, Secret, $"{fresh},v1={new string('0', 64)},v0=ignored", Body, Now));
        Assert.Equal("staleTimestamp", TriggerSignature.Check(Stamped, Secret, TriggerSignature.SignTimestamped(Secret, Body, Now.AddSeconds(-301)), Body, Now)!.Reason);
        Assert.Equal("staleTimestamp", TriggerSignature.Check(Stamped, Secret, TriggerSignature.SignTimestamped(Secret, Body, Now.AddSeconds(301)), Body, Now)!.Reason);
        Assert.Equal("badSignature", TriggerSignature.Check(Stamped, Secret, fresh.Replace($"t={Now.AddSeconds(-299).ToUnixTimeSeconds()}", $"t={Now.ToUnixTimeSeconds()}", StringComparison.Ordinal), Body, Now)!.Reason);
        Assert.Equal("malformedSignature", TriggerSignature.Check(Stamped, Secret, $"v1={expected}", Body, Now)!.Reason);
        Assert.Equal("malformedSignature", TriggerSignature.Check(Stamped, Secret, $"t=-5,v1={expected}", Body, Now)!.Reason);
        Assert.Equal("staleTimestamp", TriggerSignature.Check(Stamped, Secret, $"t=99999999999999999,v1={expected}", Body, Now)!.Reason);
    }
}
