using System.Security.Cryptography;
using System.Text;

namespace Serverless.Tables;

/// <summary>A storage account name and key, used to sign requests with Shared Key Lite.</summary>
public sealed class TableSharedKeyCredential
{
    private readonly byte[] _key;

    /// <summary>Creates the credential.</summary>
    /// <param name="accountName">The storage account name.</param>
    /// <param name="accountKey">The account key, Base64 as the portal shows it.</param>
    /// <exception cref="ArgumentException">The name is empty or the key is not Base64.</exception>
    public TableSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        AccountName = accountName;
        try
        {
            _key = Convert.FromBase64String(accountKey);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The account key is not valid Base64.", nameof(accountKey), e);
        }
    }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>Base64(HMAC-SHA256(key, UTF-8(<paramref name="stringToSign"/>))).</summary>
    /// <param name="stringToSign">The canonical string of the request.</param>
    internal string ComputeSignature(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));
}
