namespace Serverless.Api.Routing;

/// <summary>One timer function.</summary>
/// <param name="FunctionName">The function name (the Functions binding uses the same one).</param>
/// <param name="CronSetting">The app setting holding its cron (Functions binds it as <c>%CronSetting%</c>).</param>
/// <param name="DefaultCron">The six-field NCRONTAB (seconds first) used when the setting is absent.</param>
public sealed record TimerSchedule(string FunctionName, string CronSetting, string DefaultCron);
