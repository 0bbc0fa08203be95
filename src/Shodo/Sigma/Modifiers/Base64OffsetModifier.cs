using System.Text;
using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary>
/// <c>base64offset</c>: the three Base64 forms the value takes inside a longer encoded text,
/// depending on its offset modulo 3 (usually followed by <c>contains</c>).
/// </summary>
public sealed class Base64OffsetModifier : SigmaModifier
{
    private static readonly int[] StartOffsets = [0, 2, 3];
    private static readonly int[] EndTrims = [0, 3, 2];

    public override string Name => "base64offset";

    public override SigmaValue Apply(SigmaValue value, ModifierContext context) => MapStrings(value, s =>
    {
        if (s.HasWildcards)
            throw new SigmaModifierException($"modifier 'base64offset' cannot encode the wildcards in '{s.Original}'");
        var bytes = Encoding.UTF8.GetBytes(s.Literal);
        var alternatives = new List<SigmaValue>();
        for (var i = 0; i < 3; i++)
        {
            var padded = new byte[i + bytes.Length];
            Array.Fill(padded, (byte)' ', 0, i);
            bytes.CopyTo(padded, i);
            var encoded = Convert.ToBase64String(padded);
            var end = encoded.Length - EndTrims[(bytes.Length + i) % 3];
            alternatives.Add(new SigmaString([new LiteralPart(encoded[StartOffsets[i]..end])], s.Cased));
        }
        return new SigmaExpansion(alternatives);
    });
}
