using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State;

/// <summary>
/// The range's state file: account id, simulated time and every <see cref="IStatePart"/>; for the management account of an
/// organisation, the organisation and every member account's parts too (<see cref="Organizations.OrganizationStateFile"/>).
/// </summary>
public static class RangeStateFile
{
    public static JsonObject Save(RangeState state)
    {
        lock (state.Sync)
        {
            var root = new JsonObject
            {
                ["format"] = "shodo-range-state/1",
                ["accountId"] = state.AccountId,
                ["now"] = state.Clock.Now.ToString("O"),
            };
            foreach (var part in StateParts.All) root[part.Name] = part.Save(state);
            if (state.Organization is { } org && org.Management == state)
                root["organization"] = Organizations.OrganizationStateFile.Save(org);
            return root;
        }
    }

    public static async Task SaveAsync(RangeState state, string path, CancellationToken ct)
    {
        var json = Save(state).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, json, ct);
        File.Move(temp, path, overwrite: true);
    }

    public static async Task LoadAsync(RangeState state, string path, CancellationToken ct)
    {
        var root = JsonNode.Parse(await File.ReadAllTextAsync(path, ct)) as JsonObject
            ?? throw new InvalidDataException($"{path} is not a range state file.");
        if (root["accountId"]?.GetValue<string>() is { } account && account != state.AccountId)
            throw new InvalidDataException($"{path} holds account {account}; this range serves {state.AccountId}.");
        lock (state.Sync)
        {
            // The organisation first: a file of other accounts is refused before anything is changed.
            if (root["organization"] is JsonObject organization)
                Organizations.OrganizationStateFile.Load(state.Organization, organization, path);
            if (root["now"]?.GetValue<string>() is { } now) state.Clock.Set(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
            foreach (var part in StateParts.All)
                if (root[part.Name] is { } node) part.Load(state, node);
        }
    }
}
