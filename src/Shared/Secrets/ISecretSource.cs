using System.Diagnostics.CodeAnalysis;

namespace Serverless.Secrets;

/// <summary>
/// Where named secrets come from (a <c>{{secrets.NAME}}</c> reference, a trigger's signing secret). Values are
/// read when they are used and never stored by the product.
/// </summary>
public interface ISecretSource
{
    /// <summary>Whether a secret of that name is configured (publish-time validation asks this).</summary>
    /// <param name="name">The secret's name, as <see cref="SecretName.IsValid"/> accepts it.</param>
    /// <returns>True when it has a non-empty value.</returns>
    bool Exists(string name);

    /// <summary>Reads a secret.</summary>
    /// <param name="name">The secret's name.</param>
    /// <param name="value">Its value when found.</param>
    /// <returns>True when found with a non-empty value.</returns>
    bool TryGet(string name, [NotNullWhen(true)] out string? value);
}
