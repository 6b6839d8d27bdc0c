#!/usr/bin/perl
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The sysinfo.def part of tools/gen-tables (called by it, not on its own):
#
#   gen-sysinfo.pl linux-syscalls.h sysinfo-overrides.txt classes.txt KFUNCS
#
# KFUNCS has "name kernel-function" lines for every syscall of every arch,
# preferred function first; "-" for a number the kernel leaves unimplemented
# (break, stty, ...), whose row gets no signature. Prints SYSINFO rows sorted by name (byte order,
# as strcmp and bsearch want them). Dies when a name has no signature or no
# classes row, so a new syscall in the vendored headers cannot slip by.
use strict;
use warnings;

my ($hdr, $ovr, $cls, $kf) = @ARGV;

sub slurp {
	open my $f, '<', $_[0] or die "gen-sysinfo: $_[0]: $!\n";
	local $/;
	return <$f>;
}

sub rows { # file: non-comment lines split on tabs
	return map { [split /\t/] } grep { !/^#/ && /\S/ } split /\n/, slurp($_[0]);
}

# sys_FUNC => "params", the first declaration of each (the header declares
# sys_clone three times, one per CONFIG_CLONE_BACKWARDS* variant).
my %decl;
{
	my $text = slurp($hdr);
	$text =~ s{/\*.*?\*/}{}sg;
	while ($text =~ /asmlinkage\s+long\s+sys_(\w+)\s*\(([^;]*?)\)\s*;/g) {
		my ($fn, $params) = ($1, $2);
		$params =~ s/\s+/ /g;
		$params =~ s/^ | $//g;
		$decl{"sys_$fn"} //= $params;
	}
}

# name => [kfunc, params or undef]
my %override = map { $_->[0] => [$_->[1], $_->[2]] } rows($ovr);
my %classes = map { $_->[0] => $_->[1] } rows($cls);

my %kfunc;
for (split /\n/, slurp($kf)) {
	my ($name, $fn) = split / /;
	$kfunc{$name} = $fn if !defined $kfunc{$name} || $kfunc{$name} eq '-';
}

sub nargs {
	my ($params) = @_;
	return 0 if $params eq 'void' || $params eq '';
	my $n = 1;
	my $depth = 0;
	for my $c (split //, $params) {
		$depth++ if $c eq '(';
		$depth-- if $c eq ')';
		$n++ if $c eq ',' && $depth == 0;
	}
	return $n;
}

my $bad = 0;
for my $name (sort keys %kfunc) {
	my ($fn, $params) = @{$override{$name} // [$kfunc{$name}, undef]};
	$params //= $fn eq '-' ? '' : $decl{$fn};
	if (!defined $params) {
		warn "gen-sysinfo: no declaration of $fn for '$name': add it to sysinfo-overrides.txt\n";
		$bad = 1;
		next;
	}
	if (!defined $classes{$name}) {
		warn "gen-sysinfo: '$name' has no row in classes.txt\n";
		$bad = 1;
		next;
	}
	my $c = $classes{$name} eq '-' ? '0' : $classes{$name};
	my $sig = $fn eq '-' ? '' : "long $name($params)";
	$fn = '' if $fn eq '-';
	printf "SYSINFO(%s, %d, %s, \"%s\", \"%s\")\n", $name, $fn eq '' ? 0 : nargs($params), $c,
		$sig, $fn;
}
exit $bad;
