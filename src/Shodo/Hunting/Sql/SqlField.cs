namespace Shodo.Hunting.Sql;

/// <summary>
/// A Sigma field as SQL. Either one value per record (<see cref="SqlScalarField"/>: a column or a struct
/// member) or any number of them (<see cref="SqlListField"/>: a path inside a JSON text column, which may
/// cross arrays, or a member of a typed array of structs such as <c>resources</c>), tested element by
/// element like the local engine tests every value a path resolves to.
/// </summary>
public abstract record SqlField;

/// <summary>One value: its text (NULL when missing or null) and whether it is present and not null.</summary>
public sealed record SqlScalarField(string Scalar, string Present) : SqlField;

/// <summary>Every value the path resolves to, as a list of texts (NULL for a JSON null; empty when missing).</summary>
public sealed record SqlListField(string Texts) : SqlField;
