//! `finance.*`: financial communication — statements about the company's figures in a quiet
//! period or as an outlook, and corporate events that may be inside information. The shared
//! judgement of a figure sentence is [`figures`].

mod figures;
pub(crate) mod forward_looking;
pub(crate) mod inside_information;
pub(crate) mod quiet_period;
