// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The bodies of NETLINK_CRYPTO (struct crypto_user_alg and its CRYPTOCFGA_*
 * reports) and NETLINK_SELINUX (setenforce, policyload), and what
 * NETLINK_KOBJECT_UEVENT carries, as strace 6.1's netlink_crypto.c,
 * netlink_selinux.c and netlink_kobject_uevent.c show them.
 */
#include <linux/cryptouser.h>
#include <linux/netlink.h>
#include <linux/selinux_netlink.h>
#include <string.h>

#include "decode/netlink.h"
#include "util/compiler.h"

/* Bytes as a string (not \x escapes), cut at -s: strace's printstrn. */
static struct sr_value plain_str(struct nl_ctx *x, uint64_t off, uint32_t len)
{
	struct sr_value v = nl_hex(x, off, len);

	v.flags &= ~SR_VF_FORCE_HEX;
	return v;
}

#define CSTR(type, f) NL_FIELD(type, f, CSTRING)

static const struct nl_field hash_fields[] = {
	CSTR(struct crypto_report_hash, type),
	NL_FIELD(struct crypto_report_hash, blocksize, U),
	NL_FIELD(struct crypto_report_hash, digestsize, U),
};
static const struct nl_struct hash = NL_STRUCT(struct crypto_report_hash, hash_fields);

static const struct nl_field blkcipher_fields[] = {
	CSTR(struct crypto_report_blkcipher, type),
	CSTR(struct crypto_report_blkcipher, geniv),
	NL_FIELD(struct crypto_report_blkcipher, blocksize, U),
	NL_FIELD(struct crypto_report_blkcipher, min_keysize, U),
	NL_FIELD(struct crypto_report_blkcipher, max_keysize, U),
	NL_FIELD(struct crypto_report_blkcipher, ivsize, U),
};
static const struct nl_struct blkcipher =
    NL_STRUCT(struct crypto_report_blkcipher, blkcipher_fields);

static const struct nl_field aead_fields[] = {
	CSTR(struct crypto_report_aead, type),
	CSTR(struct crypto_report_aead, geniv),
	NL_FIELD(struct crypto_report_aead, blocksize, U),
	NL_FIELD(struct crypto_report_aead, maxauthsize, U),
	NL_FIELD(struct crypto_report_aead, ivsize, U),
};
static const struct nl_struct aead = NL_STRUCT(struct crypto_report_aead, aead_fields);

static const struct nl_field rng_fields[] = {
	CSTR(struct crypto_report_rng, type),
	NL_FIELD(struct crypto_report_rng, seedsize, U),
};
static const struct nl_struct rng = NL_STRUCT(struct crypto_report_rng, rng_fields);

static const struct nl_field cipher_fields[] = {
	CSTR(struct crypto_report_cipher, type),
	NL_FIELD(struct crypto_report_cipher, blocksize, U),
	NL_FIELD(struct crypto_report_cipher, min_keysize, U),
	NL_FIELD(struct crypto_report_cipher, max_keysize, U),
};
static const struct nl_struct cipher = NL_STRUCT(struct crypto_report_cipher, cipher_fields);

/* A report: the structure, or the bytes as a string when it is shorter. */
static bool report_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			 struct sr_value *out)
{
	static const struct nl_struct *const reports[] = {
		[CRYPTOCFGA_REPORT_HASH] = &hash,     [CRYPTOCFGA_REPORT_BLKCIPHER] = &blkcipher,
		[CRYPTOCFGA_REPORT_AEAD] = &aead,     [CRYPTOCFGA_REPORT_RNG] = &rng,
		[CRYPTOCFGA_REPORT_CIPHER] = &cipher,
	};
	const struct nl_struct *st = reports[type & NLA_TYPE_MASK];

	if (len < st->size)
		*out = plain_str(x, off, len);
	else if (!nl_at(x, off, st->size))
		*out = nl_badaddr(x, off);
	else
		*out = nl_struct_value(x, off, st->size, st);
	return true;
}

/* The reports that are a type name only: {type="..."}. */
static bool generic_report(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			   struct sr_value *out)
{
	struct sr_value *f;

	(void)type;
	*out = val_struct(x->c, 1, &f);
	f[0] = v_named("type", nl_cstr(x, off, len));
	return true;
}

static const struct nl_adesc crypto_desc[] = {
	[CRYPTOCFGA_PRIORITY_VAL] = { NA_U32 },
	[CRYPTOCFGA_REPORT_LARVAL] = { NA_FN, .fn = generic_report },
	[CRYPTOCFGA_REPORT_HASH] = { NA_FN, .fn = report_value },
	[CRYPTOCFGA_REPORT_BLKCIPHER] = { NA_FN, .fn = report_value },
	[CRYPTOCFGA_REPORT_AEAD] = { NA_FN, .fn = report_value },
	[CRYPTOCFGA_REPORT_COMPRESS] = { NA_FN, .fn = generic_report },
	[CRYPTOCFGA_REPORT_RNG] = { NA_FN, .fn = report_value },
	[CRYPTOCFGA_REPORT_CIPHER] = { NA_FN, .fn = report_value },
	[CRYPTOCFGA_REPORT_AKCIPHER] = { NA_FN, .fn = generic_report },
	[CRYPTOCFGA_REPORT_KPP] = { NA_FN, .fn = generic_report },
	[CRYPTOCFGA_REPORT_ACOMP] = { NA_FN, .fn = generic_report },
};
static const struct nl_attrs crypto_attrs = NL_ATTRS(&xlat_crypto_nl_attrs, crypto_desc);

static const struct nl_field alg_fields[] = {
	CSTR(struct crypto_user_alg, cru_name),
	CSTR(struct crypto_user_alg, cru_driver_name),
	CSTR(struct crypto_user_alg, cru_module_name),
	NL_FIELD(struct crypto_user_alg, cru_type, X),
	NL_FIELD(struct crypto_user_alg, cru_mask, X),
	NL_FIELD(struct crypto_user_alg, cru_refcnt, U),
	NL_FIELD(struct crypto_user_alg, cru_flags, X),
};
static const struct nl_struct alg = NL_STRUCT(struct crypto_user_alg, alg_fields);

bool nl_crypto_body(struct nl_ctx *x, uint64_t off, uint32_t len, struct nl_list *items)
{
	const uint32_t at = NLMSG_ALIGN(sizeof(struct crypto_user_alg));

	switch (x->type) {
	case CRYPTO_MSG_NEWALG:
	case CRYPTO_MSG_DELALG:
	case CRYPTO_MSG_UPDATEALG:
	case CRYPTO_MSG_GETALG:
		break;
	default:
		return false;
	}
	if (len < alg.size) {
		nl_push(x->c, items, plain_str(x, off, len));
		return true;
	}
	if (!nl_at(x, off, alg.size)) {
		nl_push(x->c, items, nl_badaddr(x, off));
		return true;
	}
	nl_push(x->c, items, nl_struct_value(x, off, alg.size, &alg));
	if (len > at)
		nl_push(x->c, items, nl_attrs_value(x, off + at, len - at, &crypto_attrs));
	return true;
}

static const struct nl_field setenforce_fields[] = {
	NL_FIELD(struct selnl_msg_setenforce, val, D),
};
static const struct nl_struct setenforce =
    NL_STRUCT(struct selnl_msg_setenforce, setenforce_fields);

static const struct nl_field policyload_fields[] = {
	NL_FIELD(struct selnl_msg_policyload, seqno, U),
};
static const struct nl_struct policyload =
    NL_STRUCT(struct selnl_msg_policyload, policyload_fields);

bool nl_selinux_body(struct nl_ctx *x, uint64_t off, uint32_t len, struct nl_list *items)
{
	const struct nl_struct *st = x->type == SELNL_MSG_SETENFORCE   ? &setenforce
				     : x->type == SELNL_MSG_POLICYLOAD ? &policyload
								       : NULL;

	if (!st)
		return false;
	if (len < st->size)
		nl_push(x->c, items, nl_hex(x, off, len));
	else if (!nl_at(x, off, st->size))
		nl_push(x->c, items, nl_badaddr(x, off));
	else
		nl_push(x->c, items, nl_struct_value(x, off, st->size, st));
	return true;
}

/* udev's struct udev_monitor_netlink_header (not UAPI: libudev's). */
struct udev_monitor_header {
	char prefix[8];
	uint32_t magic, header_size, properties_off, properties_len;
	uint32_t filter_subsystem_hash, filter_devtype_hash;
	uint32_t filter_tag_bloom_hi, filter_tag_bloom_lo;
};

static const struct nl_field udev_fields[] = {
	CSTR(struct udev_monitor_header, prefix),
	NL_FIELD(struct udev_monitor_header, magic, BE32),
	NL_FIELD(struct udev_monitor_header, header_size, U),
	NL_FIELD(struct udev_monitor_header, properties_off, U),
	NL_FIELD(struct udev_monitor_header, properties_len, U),
	NL_FIELD(struct udev_monitor_header, filter_subsystem_hash, BE32),
	NL_FIELD(struct udev_monitor_header, filter_devtype_hash, BE32),
	NL_FIELD(struct udev_monitor_header, filter_tag_bloom_hi, BE32),
	NL_FIELD(struct udev_monitor_header, filter_tag_bloom_lo, BE32),
};
static const struct nl_struct udev_header = NL_STRUCT(struct udev_monitor_header, udev_fields);

/* strace decodes the header when the prefix is libudev's, whatever the magic says. */
struct sr_value nl_uevent_value(struct nl_ctx *x, uint64_t len)
{
	const char *p = len >= udev_header.size ? nl_at(x, 0, udev_header.size) : NULL;
	struct sr_value *items;

	if (!p || memcmp(p, "libudev", 8))
		return plain_str(x, 0, len);
	if (len == udev_header.size)
		return nl_struct_value(x, 0, udev_header.size, &udev_header);
	items = val_new(x->c, 2);
	items[0] = nl_struct_value(x, 0, udev_header.size, &udev_header);
	items[1] = plain_str(x, udev_header.size, len - udev_header.size);
	return (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, 2, 2 } };
}
