using Serverless.Workflows.Model;

namespace Serverless.Shared.Tests.Workflows;

public class IsoDurationTests
{
    [Theory]
    [InlineData("PT5M", 300)]
    [InlineData("PT30S", 30)]
    [InlineData("PT0.5S", 0.5)]
    [InlineData("P1D", 86_400)]
    [InlineData("P1DT2H", 93_600)]
    [InlineData("P2W", 1_209_600)]
    [InlineData("PT1H30M15S", 5_415)]
    [InlineData("PT0S", 0)]
    public void TryParse_ValidDuration_ReturnsSeconds(string text, double seconds)
    {
        // Act
        var ok = IsoDuration.TryParse(text, out var value);

        // Assert
        Assert.True(ok);
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("5M")]
    [InlineData("P1Y")]
    [InlineData("P1M")]
    [InlineData("PT5H3H")]
    [InlineData("PT5M1H")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("PT1.5M")]
    [InlineData("-PT5M")]
    [InlineData("P99999999D")]
    [InlineData("pt5m")]
    public void TryParse_InvalidDuration_ReturnsFalse(string text)
    {
        // Act
        var ok = IsoDuration.TryParse(text, out _);

        // Assert
        Assert.False(ok);
    }

    [Theory]
    [InlineData("P1DT2H")]
    [InlineData("PT5M")]
    [InlineData("PT0.25S")]
    [InlineData("P3D")]
    public void Format_ParsedDuration_RoundTrips(string text)
    {
        // Arrange
        IsoDuration.TryParse(text, out var value);

        // Act
        var formatted = IsoDuration.Format(value);

        // Assert
        Assert.Equal(text, formatted);
    }
}
