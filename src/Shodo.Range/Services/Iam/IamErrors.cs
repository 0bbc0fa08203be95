using Shodo.Range.Serving;

namespace Shodo.Range.Services.Iam;

/// <summary>IAM's error codes and messages (botocore iam model; messages as AWS words them).</summary>
public static class IamErrors
{
    public static AwsError NoSuchUser(string name) => AwsError.NoSuchEntity($"The user with name {name} cannot be found.");
    public static AwsError NoSuchRole(string name) => AwsError.NoSuchEntity($"The role with name {name} cannot be found.");
    public static AwsError NoSuchGroup(string name) => AwsError.NoSuchEntity($"The group with name {name} cannot be found.");
    public static AwsError NoSuchPolicy(string arn) => AwsError.NoSuchEntity($"Policy {arn} does not exist or is not attachable.");
    public static AwsError NoSuchInlinePolicy(string kind, string owner, string name) =>
        AwsError.NoSuchEntity($"The {kind} policy with name {name} cannot be found.");
    public static AwsError NoSuchKey(string id) => AwsError.NoSuchEntity($"The Access Key with id {id} cannot be found.");
    public static AwsError NoLoginProfile(string user) => AwsError.NoSuchEntity($"Login Profile for User {user} cannot be found.");
    public static AwsError AlreadyExists(string message) => new("EntityAlreadyExists", message, 409);
    public static AwsError LimitExceeded(string message) => new("LimitExceeded", message, 409);
    public static AwsError Unmodifiable(string message) => new("UnmodifiableEntity", message, 400);
    public static AwsError DeleteConflict(string message) => new("DeleteConflict", message, 409);
    public static AwsError InvalidInput(string message) => new("InvalidInput", message, 400);
    public static AwsError Validation(string message) => new("ValidationError", message, 400);
    public static AwsError MalformedPolicy(string message) => new("MalformedPolicyDocument", message, 400);
}
