using Serverless.Secrets;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Model;

namespace Serverless.Workflows.Validation;

/// <summary>
/// Secret references: a <c>{{secrets.NAME}}</c> hole of its own, in the input of an activity that accepts secrets,
/// naming a secret the source has. Anywhere else the reference text would reach history, status or audit unresolved.
/// </summary>
public sealed partial class WorkflowValidator
{
    private void CheckSecrets(Expression expression, string path, ActivityCall? call)
    {
        if (call is null)
        {
            _diagnostics.Add(DiagnosticCodes.SecretNotAllowed, path,
                $"Secret references are only resolved in an activity's input, never in conditions, outputs, variables, approval requests or sub-workflow inputs (in '{expression.Text}').");
            return;
        }

        if (expression.SecretName is not { } name)
        {
            _diagnostics.Add(DiagnosticCodes.SecretNotAllowed, path,
                $"A secret reference must be a template hole of its own, such as 'Bearer {{{{secrets.TOKEN}}}}'; it cannot be part of a larger expression (in '{expression.Text}').");
            return;
        }

        if (_options.SecretActivities is { } accepting && call.Activity.Length > 0 && !accepting.Contains(call.Activity))
        {
            _diagnostics.Add(DiagnosticCodes.SecretsNotAccepted, path,
                $"Activity '{call.Activity}' does not accept secret references: it stores or records its input. Activities that do: {string.Join(", ", accepting.Order(StringComparer.Ordinal))}.");
        }
        else if (_options.Secrets is { } source && !source.Exists(name))
        {
            _diagnostics.Add(DiagnosticCodes.UnknownSecret, path,
                $"Secret '{name}' is not configured (app setting {ConfigurationSecretSource.Section}__{name}).");
        }
    }
}
