namespace Shodo.Range.State.Organizations;

/// <summary>One account of the organisation: its state and what Organizations says of it (ListAccounts).</summary>
public sealed record OrganizationAccount(RangeState State, string Name, string Email, DateTimeOffset JoinedAt)
{
    public string Id => State.AccountId;
}
