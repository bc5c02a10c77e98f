import type {
	KyselyPlugin,
	PluginTransformQueryArgs,
	PluginTransformResultArgs,
	QueryResult,
	RootOperationNode,
	UnknownRow
} from 'kysely';

/**
 * Counts the queries a Kysely instance sends to the database: `db.withPlugin(counter)`.
 * Counted on results, since Kysely also passes subqueries through transformQuery.
 */
export class QueryCounter implements KyselyPlugin {
	count = 0;

	transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
		return args.node;
	}

	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		this.count++;
		return args.result;
	}
}
