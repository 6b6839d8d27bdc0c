// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * NETLINK_ROUTE traffic control bodies: tcmsg (qdiscs, classes, filters,
 * chains) and its TCA_* attributes, as strace 6.1's rtnl_tc.c shows them.
 * TCA_OPTIONS and TCA_XSTATS depend on the qdisc's kind and stay bytes.
 */
#include <linux/gen_stats.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <string.h>

#include "decode/netlink.h"
#include "util/compiler.h"

/* struct tc_stats without its tail padding. */
static const struct nl_field tc_stats_fields[] = {
	NL_FIELD(struct tc_stats, bytes, U), NL_FIELD(struct tc_stats, packets, U),
	NL_FIELD(struct tc_stats, drops, U), NL_FIELD(struct tc_stats, overlimits, U),
	NL_FIELD(struct tc_stats, bps, U),   NL_FIELD(struct tc_stats, pps, U),
	NL_FIELD(struct tc_stats, qlen, U),  NL_FIELD(struct tc_stats, backlog, U),
};
static const struct nl_struct tc_stats = { tc_stats_fields, ARRAY_SIZE(tc_stats_fields),
					   offsetof(struct tc_stats, backlog) + 4 };

static const struct nl_field tc_estimator_fields[] = {
	NL_FIELD(struct tc_estimator, interval, D),
	NL_FIELD(struct tc_estimator, ewma_log, U),
};
static const struct nl_struct tc_estimator = NL_STRUCT(struct tc_estimator, tc_estimator_fields);

/* struct gnet_stats_basic without its tail padding. */
static const struct nl_field stats_basic_fields[] = {
	NL_FIELD(struct gnet_stats_basic, bytes, U),
	NL_FIELD(struct gnet_stats_basic, packets, U),
};
static const struct nl_struct stats_basic = { stats_basic_fields, ARRAY_SIZE(stats_basic_fields),
					      offsetof(struct gnet_stats_basic, packets) + 4 };

static const struct nl_field rate_est_fields[] = {
	NL_FIELD(struct gnet_stats_rate_est, bps, U),
	NL_FIELD(struct gnet_stats_rate_est, pps, U),
};
static const struct nl_struct rate_est = NL_STRUCT(struct gnet_stats_rate_est, rate_est_fields);

static const struct nl_field rate_est64_fields[] = {
	NL_FIELD(struct gnet_stats_rate_est64, bps, U),
	NL_FIELD(struct gnet_stats_rate_est64, pps, U),
};
static const struct nl_struct rate_est64 =
    NL_STRUCT(struct gnet_stats_rate_est64, rate_est64_fields);

static const struct nl_field stats_queue_fields[] = {
	NL_FIELD(struct gnet_stats_queue, qlen, U),
	NL_FIELD(struct gnet_stats_queue, backlog, U),
	NL_FIELD(struct gnet_stats_queue, drops, U),
	NL_FIELD(struct gnet_stats_queue, requeues, U),
	NL_FIELD(struct gnet_stats_queue, overlimits, U),
};
static const struct nl_struct stats_queue = NL_STRUCT(struct gnet_stats_queue, stats_queue_fields);

static const struct nl_adesc tca_stats_desc[] = {
	[TCA_STATS_BASIC] = { NA_STRUCT, .st = &stats_basic },
	[TCA_STATS_RATE_EST] = { NA_STRUCT, .st = &rate_est },
	[TCA_STATS_QUEUE] = { NA_STRUCT, .st = &stats_queue },
	[TCA_STATS_RATE_EST64] = { NA_STRUCT, .st = &rate_est64 },
	[TCA_STATS_BASIC_HW] = { NA_STRUCT, .st = &stats_basic },
	[TCA_STATS_PKT64] = { NA_U64 },
};
static const struct nl_attrs tca_stats_attrs = NL_ATTRS(&xlat_rtnl_tca_stats_attrs, tca_stats_desc);

static const struct nl_field sizespec_fields[] = {
	NL_FIELD(struct tc_sizespec, cell_log, U),   NL_FIELD(struct tc_sizespec, size_log, U),
	NL_FIELD(struct tc_sizespec, cell_align, D), NL_FIELD(struct tc_sizespec, overhead, D),
	NL_FIELD(struct tc_sizespec, linklayer, U),  NL_FIELD(struct tc_sizespec, mpu, U),
	NL_FIELD(struct tc_sizespec, mtu, U),	     NL_FIELD(struct tc_sizespec, tsize, U),
};
static const struct nl_struct sizespec = NL_STRUCT(struct tc_sizespec, sizespec_fields);

/* TCA_STAB_DATA: the size table, u16 each, cut at -s. */
static bool stab_data(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
		      struct sr_value *out)
{
	uint32_t n = len / 2, shown = x->c->verbose ? n : MIN(n, x->c->opts->strsize);
	const unsigned char *p;
	struct sr_value *items;

	(void)type;
	if (!n)
		return false;
	p = nl_at(x, off, (uint64_t)shown * 2);
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	items = val_new(x->c, shown);
	for (uint32_t i = 0; i < shown; i++) {
		uint16_t v;

		memcpy(&v, p + 2 * i, 2);
		items[i] = v_uint(v);
	}
	*out = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, shown, n } };
	if (shown < n)
		out->flags |= SR_VF_TRUNC;
	return true;
}

static const struct nl_adesc tca_stab_desc[] = {
	[TCA_STAB_BASE] = { NA_STRUCT, .st = &sizespec },
	[TCA_STAB_DATA] = { NA_FN, .fn = stab_data },
};
static const struct nl_attrs tca_stab_attrs = NL_ATTRS(&xlat_rtnl_tca_stab_attrs, tca_stab_desc);

static const struct nl_adesc tc_desc[] = {
	[TCA_KIND] = { NA_STR },
	[TCA_STATS] = { NA_STRUCT, .st = &tc_stats },
	[TCA_RATE] = { NA_STRUCT, .st = &tc_estimator },
	[TCA_FCNT] = { NA_U32 },
	[TCA_STATS2] = { NA_NESTED, .set = &tca_stats_attrs },
	[TCA_STAB] = { NA_NESTED, .set = &tca_stab_attrs },
	[TCA_CHAIN] = { NA_U32 },
	[TCA_HW_OFFLOAD] = { NA_U8 },
	[TCA_INGRESS_BLOCK] = { NA_U32 },
	[TCA_EGRESS_BLOCK] = { NA_U32 },
	[TCA_DUMP_FLAGS] = { NA_U32 },
};
static const struct nl_attrs tc_attrs = NL_ATTRS(&xlat_rtnl_tc_attrs, tc_desc);

static const struct nl_field tcmsg_fields[] = {
	NL_FIELD(struct tcmsg, tcm_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct tcmsg, tcm_ifindex, IFINDEX),
	NL_FIELD(struct tcmsg, tcm_handle, U),
	NL_FIELD(struct tcmsg, tcm_parent, U),
	NL_FIELD(struct tcmsg, tcm_info, U),
};
static const struct nl_struct tcmsg = NL_STRUCT(struct tcmsg, tcmsg_fields);
const struct nl_body nl_tcmsg_body = { &tcmsg, &tc_attrs };
