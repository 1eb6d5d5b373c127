namespace Serverless.Tables;

/// <summary>Service error codes that callers branch on (<see cref="Azure.RequestFailedException.ErrorCode"/>).</summary>
public static class TableErrorCodes
{
    /// <summary>409: an insert met an existing entity.</summary>
    public const string EntityAlreadyExists = "EntityAlreadyExists";

    /// <summary>404: the entity does not exist. Azure and Azurite report a missing entity on get, update and
    /// transaction sub-requests with this code (not <see cref="EntityNotFound"/>).</summary>
    public const string ResourceNotFound = "ResourceNotFound";

    /// <summary>404: the documented name for a missing entity; the service answers <see cref="ResourceNotFound"/> in practice.</summary>
    public const string EntityNotFound = "EntityNotFound";

    /// <summary>412: the If-Match ETag no longer matches the stored entity.</summary>
    public const string UpdateConditionNotSatisfied = "UpdateConditionNotSatisfied";

    /// <summary>404: the table does not exist.</summary>
    public const string TableNotFound = "TableNotFound";

    /// <summary>409: the table already exists.</summary>
    public const string TableAlreadyExists = "TableAlreadyExists";
}
